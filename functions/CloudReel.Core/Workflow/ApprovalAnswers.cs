using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow;

/// <summary>
/// The storyboard gate takes one answer: the first one claims it (an object written only if absent,
/// atomic in every store), so answers sent at once cannot race, and every later one is refused.
/// </summary>
public static class ApprovalAnswers
{
    /// <summary>Null when <paramref name="decision"/> is the film's answer; else the answer given first.</summary>
    public static async Task<ApprovalDecision?> TryClaimAsync(IClipStore store, string filmId, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        var name = StoreLayout.OrderFile(filmId, "approval.json");
        if (await store.PutTextAsync(name, WorkflowJson.Serialize(decision), "application/json", overwrite: false, cancellationToken)) return null;
        return WorkflowJson.Deserialize<ApprovalDecision>(await store.ReadTextAsync(name, cancellationToken)) ?? decision;
    }
}
