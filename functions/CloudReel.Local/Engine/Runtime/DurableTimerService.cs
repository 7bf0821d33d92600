namespace CloudReel.Local.Engine.Runtime;

/// <summary>
/// Waits for durable timers' fire times on the engine's clock. The timer itself lives in the journal;
/// this only wakes the engine, so a timer already due when armed (after a restart) fires at once.
/// </summary>
internal sealed class DurableTimerService(TimeProvider time, CancellationToken stopping)
{
    // Task.Delay takes at most ~49 days; long timers wait in steps and re-check the clock.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    public IDisposable Arm(DateTime fireAtUtc, Action onDue)
    {
        var alarm = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _ = Task.Run(() => WaitAsync(fireAtUtc, onDue, alarm.Token), CancellationToken.None);
        return new Alarm(alarm);
    }

    private async Task WaitAsync(DateTime fireAtUtc, Action onDue, CancellationToken cancellationToken)
    {
        try
        {
            for (var remaining = fireAtUtc - Journal.UtcTime.Now(time); remaining > TimeSpan.Zero; remaining = fireAtUtc - Journal.UtcTime.Now(time))
            {
                await Task.Delay(remaining < LongestWait ? remaining : LongestWait, time, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        if (!cancellationToken.IsCancellationRequested) onDue();
    }

    private sealed class Alarm(CancellationTokenSource source) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            source.Cancel();
            source.Dispose();
        }
    }
}
