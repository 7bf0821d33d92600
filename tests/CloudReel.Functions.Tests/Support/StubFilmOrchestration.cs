using CloudReel.Core.Workflow;
using Microsoft.DurableTask;

namespace CloudReel.Functions.Tests.Support;

/// <summary>
/// Stands in for the film orchestration under its name, with only the gates the functions steer: it
/// waits at the approval stage for <see cref="FilmEvents.StoryboardApproved"/>, then at the assembly
/// stage for <see cref="FilmEvents.AssemblyCompleted"/>, and fails with the assembler's reason when
/// that says so. The real orchestration is tested on the same runtime by the workflow's own tests.
/// </summary>
internal sealed class StubFilmOrchestration : TaskOrchestrator<FilmRequest, FilmResult>
{
    public const string Name = nameof(FilmOrchestration);

    public override async Task<FilmResult> RunAsync(TaskOrchestrationContext context, FilmRequest request)
    {
        context.SetCustomStatus(new FilmProgress(FilmStages.Approval, 0, 1, 0, "storyboard ready"));
        var decision = await context.WaitForExternalEvent<ApprovalDecision>(FilmEvents.StoryboardApproved);
        if (!decision.Approved) throw new InvalidOperationException($"the storyboard was rejected by {decision.By}");

        context.SetCustomStatus(new FilmProgress(FilmStages.Assemble, 1, 1, 0, $"approved by {decision.By}"));
        var assembly = await context.WaitForExternalEvent<AssemblyCompletion>(FilmEvents.AssemblyCompleted);
        if (!assembly.Succeeded) throw new InvalidOperationException(assembly.Error);

        return new FilmResult(request.FilmId, $"films/{request.FilmId}/", [], 0, "USD");
    }
}
