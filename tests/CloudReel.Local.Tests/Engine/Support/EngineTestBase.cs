using CloudReel.Local.Engine.Journal;
using CloudReel.Local.Engine;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine.Support;

/// <summary>A fresh journal in a temp folder per test, a fake clock, and engines that are disposed with the test.</summary>
public abstract class EngineTestBase : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<LocalWorkflowEngine> _engines = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cloudreel-engine-tests", Guid.NewGuid().ToString("n"));

    internal FakeClock Clock { get; } = new();

    protected string JournalPath => Path.Combine(_folder, "journal.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var engine in _engines) await engine.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A crashed engine's file may linger a moment; the temp folder is cleaned up eventually.
        }
    }

    internal async Task<LocalWorkflowEngine> OpenAsync(
        DurableTaskRegistry registry,
        JournalFaultInjection? faults = null,
        int maxConcurrentActivities = 4,
        TimeProvider? time = null,
        string? journalPath = null)
    {
        var engine = await LocalWorkflowEngine.OpenAsync(
            new LocalEngineOptions
            {
                JournalPath = journalPath ?? JournalPath,
                Time = time ?? Clock,
                MaxConcurrentActivities = maxConcurrentActivities,
                InboxPollInterval = TimeSpan.FromSeconds(1),
                LeaseTimeout = TimeSpan.FromSeconds(15),
                FaultInjection = faults,
            },
            registry);
        _engines.Add(engine);
        return engine;
    }

    /// <summary>Waits for the instance to end, without moving the clock.</summary>
    internal static async Task<InstanceInfo> CompletionAsync(LocalWorkflowEngine engine, string instanceId)
    {
        using var patience = new CancellationTokenSource(Patience);
        return await engine.WaitForCompletionAsync(instanceId, patience.Token);
    }

    /// <summary>Polls <paramref name="condition"/> until true; fails the test after a generous while.</summary>
    internal static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Gave up waiting until {what}.");
            await Task.Delay(5);
        }
    }

    /// <summary>Moves the fake clock forward in steps until <paramref name="condition"/> holds (timers, polls and retries fire on the way).</summary>
    internal async Task DriveUntilAsync(Func<Task<bool>> condition, TimeSpan step, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Gave up driving the clock until {what}.");
            Clock.Advance(step);
            await Task.Delay(5);
        }
    }

    internal static async Task<bool> IsTerminalAsync(LocalWorkflowEngine engine, string instanceId) =>
        (await engine.GetInstanceAsync(instanceId))?.IsTerminal == true;

    internal static async Task<bool> HistoryHasAsync(LocalWorkflowEngine engine, string instanceId, string kind, int count = 1) =>
        (await engine.GetHistoryAsync(instanceId)).Count(e => e.Kind == kind) >= count;
}
