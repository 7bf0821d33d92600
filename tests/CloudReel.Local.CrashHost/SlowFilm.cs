using Microsoft.DurableTask;

namespace CloudReel.Local.CrashHost;

/// <summary>A film of slow steps, one after another, so a test can kill the process between them.</summary>
public static class SlowFilm
{
    public const string Name = "SlowFilm";

    public const int StepCount = 12;

    /// <summary>The registry both the host and the resuming test use; every step execution is appended to <paramref name="executionLogPath"/>.</summary>
    public static DurableTaskRegistry CreateRegistry(string executionLogPath) => new DurableTaskRegistry()
        .AddOrchestrator(Name, () => new SlowFilmOrchestration())
        .AddActivity(SlowStep.Name, _ => new SlowStep(executionLogPath));

    public static string StepKey(int index) => $"step-{index:00}";

    public static string ExpectedOutput() => string.Join(",", Enumerable.Range(0, StepCount).Select(i => StepKey(i).ToUpperInvariant()));
}

/// <summary>Runs the steps in order and joins their outputs.</summary>
public sealed class SlowFilmOrchestration : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int input)
    {
        var outputs = new List<string>();
        for (var i = 0; i < input; i++) outputs.Add(await context.CallActivityAsync<string>(SlowStep.Name, SlowFilm.StepKey(i)));
        return string.Join(",", outputs);
    }
}

/// <summary>Logs that it ran (one line per execution, across processes), takes a while, returns its key in capitals.</summary>
public sealed class SlowStep(string executionLogPath) : TaskActivity<string, string>
{
    public const string Name = nameof(SlowStep);

    private static readonly Lock LogGate = new();

    public override async Task<string> RunAsync(TaskActivityContext context, string input)
    {
        lock (LogGate) File.AppendAllText(executionLogPath, input + Environment.NewLine);
        await Task.Delay(TimeSpan.FromMilliseconds(150));
        return input.ToUpperInvariant();
    }
}
