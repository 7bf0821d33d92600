using CloudReel.Core.Orders;

namespace CloudReel.Core.Planning;

/// <summary>
/// A planned order (shots filled; brief, script and target length cleared, so it renders as-is)
/// and notes for the person who ordered it about every choice they might not expect.
/// </summary>
public sealed record PlanResult(FilmOrder Planned, IReadOnlyList<string> Notes);
