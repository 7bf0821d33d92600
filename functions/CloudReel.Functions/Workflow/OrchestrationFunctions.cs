using CloudReel.Core.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CloudReel.Functions.Workflow;

/// <summary>The film, shot and batch orchestrators, run by Durable Functions exactly as the local engine runs them.</summary>
public static class OrchestrationFunctions
{
    [Function(nameof(FilmOrchestration))]
    public static Task<FilmResult> Film([OrchestrationTrigger] TaskOrchestrationContext context, FilmRequest request) =>
        new FilmOrchestration().RunAsync(context, request);

    [Function(nameof(ShotOrchestration))]
    public static Task<ShotOutcome> Shot([OrchestrationTrigger] TaskOrchestrationContext context, ShotInput input) =>
        new ShotOrchestration().RunAsync(context, input);

    [Function(nameof(BatchOrchestration))]
    public static Task<BatchResult> Batch([OrchestrationTrigger] TaskOrchestrationContext context, BatchRequest request) =>
        new BatchOrchestration().RunAsync(context, request);
}
