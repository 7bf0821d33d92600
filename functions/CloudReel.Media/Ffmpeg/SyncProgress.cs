namespace CloudReel.Media.Ffmpeg;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler on the reporting thread, in order.
/// (<see cref="Progress{T}"/> posts to the thread pool, so reports could arrive after the run ended.)
/// </summary>
public sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
