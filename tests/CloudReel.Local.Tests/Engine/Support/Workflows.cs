using CloudReel.Core.Workflow;

namespace CloudReel.Local.Tests.Engine.Support;

/// <summary>Orchestrations and activities from lambdas, so each test keeps its workflow next to its assertions.</summary>
internal static class Workflows
{
    public static Func<IOrchestration> Orchestration<TIn, TOut>(Func<WorkflowContext, TIn, Task<TOut>> run) =>
        () => new LambdaOrchestration<TIn, TOut>(run);

    public static Func<IActivity> Activity<TIn, TOut>(Func<TIn, Task<TOut>> run) => () => new LambdaActivity<TIn, TOut>((_, input) => run(input));

    public static Func<IActivity> Activity<TIn, TOut>(Func<TIn, TOut> run) => () => new LambdaActivity<TIn, TOut>((_, input) => Task.FromResult(run(input)));

    public static Func<IActivity> Activity<TIn, TOut>(Func<ActivityContext, TIn, Task<TOut>> run) => () => new LambdaActivity<TIn, TOut>(run);

    private sealed class LambdaOrchestration<TIn, TOut>(Func<WorkflowContext, TIn, Task<TOut>> run) : Orchestration<TIn, TOut>
    {
        public override Task<TOut> RunAsync(WorkflowContext context, TIn input) => run(context, input);
    }

    private sealed class LambdaActivity<TIn, TOut>(Func<ActivityContext, TIn, Task<TOut>> run) : Activity<TIn, TOut>
    {
        public override Task<TOut> RunAsync(ActivityContext context, TIn input) => run(context, input);
    }
}
