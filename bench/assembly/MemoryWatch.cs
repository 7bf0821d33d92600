using System.Diagnostics;
using System.Globalization;

namespace CloudReel.Bench.Assembly;

/// <summary>
/// Peak memory of the FFmpeg processes a run starts: every 50 ms, the sum of the resident sizes of
/// those alive (from /proc), so processes running side by side count together.
/// </summary>
internal sealed class MemoryWatch : IDisposable
{
    private readonly List<Process> _processes = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakKb;

    public MemoryWatch() => _loop = Task.Run(PollAsync);

    public void Track(Process process)
    {
        lock (_gate) _processes.Add(process);
    }

    /// <summary>Peak, in MB, since the last reset.</summary>
    public double PeakMegabytes => Interlocked.Read(ref _peakKb) / 1024.0;

    public void Reset()
    {
        Interlocked.Exchange(ref _peakKb, 0);
        lock (_gate) _processes.RemoveAll(p => HasExited(p));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.Wait();
        _stop.Dispose();
    }

    private async Task PollAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            long total = 0;
            lock (_gate)
            {
                foreach (var process in _processes) total += ResidentKb(process);
            }

            long peak;
            do peak = Interlocked.Read(ref _peakKb);
            while (total > peak && Interlocked.CompareExchange(ref _peakKb, total, peak) != peak);
            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static long ResidentKb(Process process)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The process has ended between two looks.
        }

        return 0;
    }

    private static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
