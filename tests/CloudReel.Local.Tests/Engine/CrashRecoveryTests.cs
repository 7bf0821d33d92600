using System.Collections.Concurrent;
using CloudReel.Core.Workflow;
using CloudReel.Local.Engine.Journal;
using CloudReel.Local.Engine;
using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

/// <summary>
/// Kills the engine right after each of its journal writes in turn, resumes on a fresh engine and checks
/// that the film still ends right: every activity completion observed once by the code, and no activity
/// whose completion was journaled executed again.
/// </summary>
public sealed class CrashRecoveryTests : EngineTestBase
{
    private static readonly string[] ExpectedObservations = ["A", "B", "C", "X1", "X2", "D"];

    [Fact]
    public async Task ResumeAsync_AfterACrashAtEveryJournalWrite_FinishesRightWithEachCompletionObservedOnce()
    {
        var writesInACleanRun = await RunAsync(crashAfterWrite: int.MaxValue);
        writesInACleanRun.Should().BeGreaterThanOrEqualTo(8, "the scenario has activities, a timer, a child and an event, each episode one write (outcomes that arrive together share one)");

        for (var crashAfterWrite = 1; crashAfterWrite <= writesInACleanRun; crashAfterWrite++) await RunAsync(crashAfterWrite);
    }

    private static DurableTaskRegistry CreateRegistry(Ledger ledger) => new DurableTaskRegistry()
        .AddOrchestratorFunc<string, string>("Film", async (ctx, _) =>
        {
            var a = await StepAsync(ctx, ledger, "a");
            var bc = await Task.WhenAll(ctx.CallActivityAsync<string>("Step", "b"), ctx.CallActivityAsync<string>("Step", "c"));
            ledger.Observe(ctx, bc);
            await ctx.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
            var shot = await ctx.CallSubOrchestratorAsync<string>("Shot", "x");
            var approval = await ctx.WaitForExternalEvent<string>("Approve");
            var d = await StepAsync(ctx, ledger, "d");
            return string.Join("|", a, bc[0], bc[1], shot, approval, d);
        })
        .AddOrchestratorFunc<string, string>("Shot", async (ctx, x) =>
            $"{await StepAsync(ctx, ledger, x + "1")}+{await StepAsync(ctx, ledger, x + "2")}")
        .AddActivityFunc<string, string>("Step", (_, key) =>
        {
            ledger.Executions.AddOrUpdate(key, 1, (_, count) => count + 1);
            return key.ToUpperInvariant();
        });

    private static async Task<string> StepAsync(TaskOrchestrationContext ctx, Ledger ledger, string key)
    {
        var result = await ctx.CallActivityAsync<string>("Step", key);
        ledger.Observe(ctx, [result]);
        return result;
    }

    /// <summary>Runs the scenario crashing after write <paramref name="crashAfterWrite"/>; returns how many writes the first engine made.</summary>
    private async Task<int> RunAsync(int crashAfterWrite)
    {
        var because = $"the engine crashed after journal write #{crashAfterWrite}";
        var ledger = new Ledger();
        var journal = Path.Combine(Path.GetDirectoryName(JournalPath)!, $"crash-{crashAfterWrite}.db");
        var instanceId = $"film-{crashAfterWrite}";
        var faults = new JournalFaultInjection(crashAfterWrite);
        var first = await OpenAsync(CreateRegistry(ledger), faults, journalPath: journal);
        var cli = await OpenAsync(new DurableTaskRegistry(), journalPath: journal);
        try
        {
            await first.StartAsync("Film", instanceId, null);
        }
        catch (EngineHaltedException)
        {
            // Crashed while recording the start; the instance row is journaled.
        }

        await cli.RaiseEventAsync(instanceId, "Approve", "yes");
        await DriveUntilAsync(async () => faults.Crashed.IsCompleted || await IsTerminalAsync(cli, instanceId), TimeSpan.FromMinutes(1), because);
        var completedBeforeCrash = await CompletedStepKeysAsync(cli, instanceId);
        await first.DisposeAsync();

        if (faults.Crashed.IsCompleted)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            var second = await OpenAsync(CreateRegistry(ledger), journalPath: journal);
            await second.ResumeAsync(instanceId);
            await DriveUntilAsync(() => IsTerminalAsync(second, instanceId), TimeSpan.FromMinutes(1), $"the film resumed after {because} ends");
            await second.DisposeAsync();
        }

        var info = await cli.GetInstanceAsync(instanceId);
        info!.Status.Should().Be(InstanceStatus.Completed, because);
        info.ReadOutputAs<string>().Should().Be("A|B|C|X1+X2|yes|D", because);
        foreach (var instance in await cli.ListInstancesAsync(instanceId))
        {
            var history = await cli.GetHistoryAsync(instance.InstanceId);
            var completions = history.Where(e => e.Kind == "TaskCompleted").Select(e => e.TaskId).ToList();
            completions.Should().OnlyHaveUniqueItems(because);
            completions.Should().BeEquivalentTo(history.Where(e => e.Kind == "TaskScheduled").Select(e => e.TaskId), because);
        }

        foreach (var key in completedBeforeCrash) ledger.Executions[key].Should().Be(1, $"'{key}' completed before the crash ({because})");
        ledger.ObservedLive.Should().BeEquivalentTo(ExpectedObservations, because);
        await cli.DisposeAsync();
        return faults.WritesCommitted;
    }

    private static async Task<List<string>> CompletedStepKeysAsync(LocalWorkflowEngine engine, string instanceId)
    {
        var keys = new List<string>();
        foreach (var instance in await engine.ListInstancesAsync(instanceId))
        {
            var history = await engine.GetHistoryAsync(instance.InstanceId);
            var completed = history.Where(e => e.Kind == "TaskCompleted").Select(e => e.TaskId).ToHashSet();
            keys.AddRange(history
                .Where(e => e.Kind == "TaskScheduled" && completed.Contains(e.TaskId))
                .Select(e => WorkflowJson.Deserialize<string>(e.Payload)!));
        }

        return keys;
    }

    private sealed class Ledger
    {
        public ConcurrentDictionary<string, int> Executions { get; } = new();

        public ConcurrentQueue<string> ObservedLive { get; } = new();

        public void Observe(TaskOrchestrationContext ctx, IEnumerable<string> results)
        {
            if (ctx.IsReplaying) return;
            foreach (var result in results) ObservedLive.Enqueue(result);
        }
    }
}
