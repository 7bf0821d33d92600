using CloudReel.Local.Engine.Journal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CloudReel.Local.Engine.Runtime;

/// <summary>
/// Moves inbox rows (events and terminate requests, possibly written by other processes) to the
/// instances this engine runs. Polls every InboxPollInterval; a raise from this engine wakes it at once.
/// The runner deletes a row in the same transaction that journals it, so each row is delivered once.
/// </summary>
internal sealed class InboxPoller(EngineRuntime runtime, TimeSpan interval, ILogger logger)
{
    private readonly AsyncSignal _wake = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<long, string> _handedOver = [];
    private Task? _loop;

    public void EnsureStarted(CancellationToken stopping)
    {
        lock (_gate) _loop ??= Task.Run(() => LoopAsync(stopping), CancellationToken.None);
    }

    public void Poke() => _wake.Set();

    /// <summary>Hands this instance's rows over again (a new runner took the instance).</summary>
    public void Forget(string instanceId)
    {
        lock (_gate)
        {
            foreach (var row in _handedOver.Where(r => r.Value == instanceId).Select(r => r.Key).ToList()) _handedOver.Remove(row);
        }

        Poke();
    }

    public Task StoppedAsync()
    {
        lock (_gate) return _loop ?? Task.CompletedTask;
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested && !runtime.Journal.IsHalted)
        {
            try
            {
                PollOnce();
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException or ObjectDisposedException)
            {
                logger.LogWarning(ex, "Reading the event inbox failed; trying again");
            }

            try
            {
                await _wake.WaitAsync(interval, runtime.Time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void PollOnce()
    {
        var running = runtime.RunningRunners();
        if (running.Count == 0) return;
        var rows = runtime.Journal.Read(s => s.ReadInbox());
        lock (_gate)
        {
            var present = rows.Select(r => r.Id).ToHashSet();
            foreach (var gone in _handedOver.Keys.Where(id => !present.Contains(id)).ToList()) _handedOver.Remove(gone);
            foreach (var row in rows)
            {
                if (!running.TryGetValue(row.InstanceId, out var runner) || !_handedOver.TryAdd(row.Id, row.InstanceId)) continue;
                runtime.Dispatcher.Post(runner, new InboxDelivery(row.Id, row.Kind, row.Name, row.Payload));
            }
        }
    }
}
