using CloudReel.Cli.Hosting;
using CloudReel.Core.Ports;
using CloudReel.Local.Engine;

namespace CloudReel.Cli.Progress;

/// <summary>How a running instance (a film or a batch) is shown: a live table in a terminal, plain lines otherwise.</summary>
public interface IProgressView<in TSnapshot> : IAssemblyProgressSink, IAsyncDisposable
{
    void Show(TSnapshot snapshot);
}

/// <summary>
/// The watch loop of `render`, `resume`, `approve` and `batch`: start (or resume) an instance, show a
/// snapshot of it every so often until it ends, show the last one, and hand back how it ended.
/// </summary>
public static class ProgressWatch
{
    public static async Task<InstanceInfo> WatchAsync<TSnapshot>(
        LocalWorkflowEngine engine,
        string instanceId,
        ProgressRelay relay,
        IProgressView<TSnapshot> view,
        Func<Task> start,
        Func<CancellationToken, Task<TSnapshot>> readSnapshot,
        TimeSpan pollInterval,
        CancellationToken cancellationToken)
    {
        await using (view)
        {
            relay.Target = view;
            await start();
            var completion = engine.WaitForCompletionAsync(instanceId, cancellationToken);
            while (!completion.IsCompleted)
            {
                view.Show(await readSnapshot(cancellationToken));
                await Task.WhenAny(completion, Task.Delay(pollInterval, cancellationToken));
            }

            view.Show(await readSnapshot(cancellationToken));
        }

        return await engine.WaitForCompletionAsync(instanceId, cancellationToken);
    }

    /// <summary>
    /// Opens the engine on the instance's own store and output root and carries the instance on from the
    /// journal with <paramref name="watch"/>; returns its exit code (invalid input when the store cannot be reached).
    /// </summary>
    public static async Task<int> ResumeAsync(
        CliContext context,
        string? storeEntry,
        string outputRoot,
        TextWriter errors,
        Func<EngineHost, ProgressRelay, StoreLocation?, Task<int>> watch,
        CancellationToken cancellationToken)
    {
        if (!context.TryResolveStore(storeEntry, errors, out var store)) return ExitCodes.InvalidInput;

        var relay = new ProgressRelay();
        using var loggerFactory = context.CreateLoggerFactory();
        await using var host = await EngineHost.StartAsync(context.Home, outputRoot, loggerFactory, relay, cancellationToken, store);
        return await watch(host, relay, store);
    }
}
