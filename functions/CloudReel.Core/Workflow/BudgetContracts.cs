namespace CloudReel.Core.Workflow;

/// <summary>Input of the settle-budget activity: what one clip really cost (0 when nothing was charged).</summary>
public sealed record BudgetSettlement(string FilmId, string ContentKey, decimal Actual);

/// <summary>A slot group, the clip holding a slot, and the group's size: what the model-slot calls are given.</summary>
public sealed record ModelSlotRequest(string Group, string Holder, int Capacity)
{
    /// <summary>The slot a model attempt holds while its job runs; null when the service sets no process-wide limit.</summary>
    public static ModelSlotRequest? For(ModelAttempt attempt) =>
        attempt.SlotCapacity > 0 ? new ModelSlotRequest(attempt.SlotGroup ?? attempt.Model, attempt.ContentKey, attempt.SlotCapacity) : null;
}
