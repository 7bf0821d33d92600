using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CloudReel.Bench.Incremental;

/// <summary>
/// CPU seconds spent by this process and every child it has waited for (FFmpeg, and cloudreel with
/// its own FFmpeg children): user plus system time, from getrusage. On a machine shared with other
/// work, wall time stretches with the load; CPU time much less so.
/// </summary>
internal static partial class CpuClock
{
    private const int RusageChildren = -1;

    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        if (GetRusage(RusageChildren, out var children) != 0) throw new InvalidOperationException($"getrusage failed ({Marshal.GetLastPInvokeError()}).");
        return children.UserSeconds + children.SystemSeconds + Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out Rusage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSec;
        public long UserMicro;
        public long SystemSec;
        public long SystemMicro;
        public long MaxRss;
        public long IxRss;
        public long IdRss;
        public long IsRss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NvCsw;
        public long NivCsw;

        public readonly double UserSeconds => UserSec + (UserMicro / 1e6);

        public readonly double SystemSeconds => SystemSec + (SystemMicro / 1e6);
    }
}
