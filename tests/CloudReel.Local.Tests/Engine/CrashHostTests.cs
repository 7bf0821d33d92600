using System.Diagnostics;
using CloudReel.Local.CrashHost;
using CloudReel.Local.Tests.Engine.Support;

namespace CloudReel.Local.Tests.Engine;

/// <summary>Kills a real rendering process in the middle of a film and resumes the film in this one.</summary>
public sealed class CrashHostTests : EngineTestBase
{
    [Fact]
    public async Task ResumeAsync_AfterTheRenderingProcessIsKilled_FinishesWithEveryJournaledStepExecutedOnce()
    {
        var executionLog = Path.Combine(Path.GetDirectoryName(JournalPath)!, "executions.log");
        var engine = await OpenAsync(SlowFilm.CreateRegistry(executionLog), time: TimeProvider.System);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { CrashHostPath(), JournalPath, "slow-1", executionLog },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var host = Process.Start(start)!;
        var errors = host.StandardError.ReadToEndAsync();

        await EventuallyAsync(
            async () => host.HasExited
                ? throw new InvalidOperationException($"The crash host exited early ({host.ExitCode}): {await errors}")
                : (await engine.GetInstanceAsync("slow-1")) is not null && await HistoryHasAsync(engine, "slow-1", "TaskCompleted", 3),
            "the host process has completed three steps");
        host.Kill(entireProcessTree: true);
        await host.WaitForExitAsync();
        var journaledBeforeKill = (await engine.GetHistoryAsync("slow-1")).Count(e => e.Kind == "TaskCompleted");

        await engine.ResumeAsync("slow-1");
        var info = await CompletionAsync(engine, "slow-1");

        info.ReadOutputAs<string>().Should().Be(SlowFilm.ExpectedOutput());
        var executions = (await File.ReadAllLinesAsync(executionLog)).GroupBy(line => line).ToDictionary(g => g.Key, g => g.Count());
        for (var i = 0; i < SlowFilm.StepCount; i++)
        {
            var key = SlowFilm.StepKey(i);
            executions.Should().ContainKey(key);
            if (i < journaledBeforeKill) executions[key].Should().Be(1, $"{key}'s completion was journaled before the kill");
        }

        var history = await engine.GetHistoryAsync("slow-1");
        history.Where(e => e.Kind == "TaskCompleted").Select(e => e.TaskId).Should().Equal(Enumerable.Range(0, SlowFilm.StepCount).Cast<int?>());
    }

    /// <summary>The host is built next to this test assembly (project reference) with its own runtime config.</summary>
    private static string CrashHostPath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "CloudReel.Local.CrashHost.dll");
        File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")).Should().BeTrue("the crash host must be runnable with `dotnet <dll>`");
        return path;
    }
}
