using CloudReel.Core.Workflow;
using CloudReel.Durable;
using CloudReel.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CloudReel.Functions.Workflow;

/// <summary>The film and shot orchestrations, unchanged, on Durable Task through the workflow port.</summary>
public static class OrchestrationFunctions
{
    [Function(OrchestrationNames.Film)]
    public static Task<FilmResult> Film([OrchestrationTrigger] TaskOrchestrationContext context, FilmRequest request) =>
        new FilmOrchestration().RunAsync(Port(context), request);

    [Function(OrchestrationNames.Shot)]
    public static Task<ShotOutcome> Shot([OrchestrationTrigger] TaskOrchestrationContext context, ShotInput input) =>
        new ShotOrchestration().RunAsync(Port(context), input);

    private static DurableWorkflowContext Port(TaskOrchestrationContext context) => new(new TaskOrchestrationContextShim(context));
}
