using Microsoft.Extensions.Hosting;

namespace CloudReel.Local.Runtime;

/// <summary>
/// The application lifetime activities watch (<see cref="IHostApplicationLifetime.ApplicationStopping"/>)
/// in hosts that run the local engine without a generic host, such as one CLI command: the host calls
/// <see cref="StopApplication"/> when it stops, before it disposes the engine, so running activities
/// stop too and run again when the film is resumed.
/// </summary>
public sealed class LocalLifetime : IHostApplicationLifetime, IDisposable
{
    private readonly CancellationTokenSource _started = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _stopped = new();
    private int _disposed;

    public LocalLifetime() => _started.Cancel();

    public CancellationToken ApplicationStarted => _started.Token;

    public CancellationToken ApplicationStopping => _stopping.Token;

    public CancellationToken ApplicationStopped => _stopped.Token;

    public void StopApplication() => _stopping.Cancel();

    /// <summary>Stops; a container that holds it under two service types may dispose it twice.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stopping.Cancel();
        _stopped.Cancel();
        _started.Dispose();
        _stopping.Dispose();
        _stopped.Dispose();
    }
}
