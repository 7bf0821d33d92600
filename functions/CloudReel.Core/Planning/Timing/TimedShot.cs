namespace CloudReel.Core.Planning.Timing;

/// <summary>
/// What the timing step knows of a shot: its id (for notes), reading time, the overlap into the next
/// shot, and how long its spoken lines take (a floor: a line is never cut short to hit a film length).
/// </summary>
internal sealed record TimedShot(string Id, double ReadingSeconds, double OutgoingOverlap, double SpokenSeconds = 0);
