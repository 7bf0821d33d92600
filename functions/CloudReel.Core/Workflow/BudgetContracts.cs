namespace CloudReel.Core.Workflow;

/// <summary>Input of the reserve-budget activity: what one clip would cost a film, against its limit.</summary>
public sealed record BudgetReservation(string FilmId, string ContentKey, decimal Amount, decimal Limit);

/// <summary>Input of the settle-budget activity: what one clip really cost (0 when nothing was charged).</summary>
public sealed record BudgetSettlement(string FilmId, string ContentKey, decimal Actual);

/// <summary>Input of the model-slot activities: a slot group, the clip holding a slot, and the group's size.</summary>
public sealed record ModelSlotRequest(string Group, string Holder, int Capacity);
