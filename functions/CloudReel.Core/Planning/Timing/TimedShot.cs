namespace CloudReel.Core.Planning.Timing;

/// <summary>What the timing step knows of a shot: its id (for notes), reading time and the overlap into the next shot.</summary>
internal sealed record TimedShot(string Id, double ReadingSeconds, double OutgoingOverlap);
