using System.ComponentModel;
using System.Diagnostics;
using CloudReel.Local.Engine.Journal;

namespace CloudReel.Local.Engine.Leases;

/// <summary>Decides whether a lease holder is still alive, and says who it is when it refuses a takeover.</summary>
internal static class LeaseLiveness
{
    // Process start times read by two processes can differ by clock-tick rounding.
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Live when the heartbeat is younger than <paramref name="leaseTimeout"/>, unless the holder is a
    /// process on this machine that is gone (killed): then its lease is taken over at once.
    /// </summary>
    public static bool IsLive(LeaseHolderRow holder, DateTime nowUtc, TimeSpan leaseTimeout)
    {
        if (holder.OwnerId is null || holder.HeartbeatUtc is not { } heartbeat) return false;
        if (nowUtc - heartbeat > leaseTimeout) return false;
        return !IsDeadProcessOnThisMachine(holder);
    }

    public static string DescribeConflict(LeaseHolderRow holder, TimeSpan leaseTimeout) =>
        $"Film '{holder.InstanceId}' is being rendered by process {holder.ProcessId} on {holder.MachineName} " +
        $"since {holder.AcquiredUtc:u} (last heartbeat {holder.HeartbeatUtc:u}). Wait for it to finish or stop that " +
        $"process; its lease is taken over once its heartbeat is older than {leaseTimeout}.";

    private static bool IsDeadProcessOnThisMachine(LeaseHolderRow holder)
    {
        if (holder.ProcessId is not { } processId || holder.MachineName != Environment.MachineName) return false;
        if (processId == Environment.ProcessId) return false;
        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited) return true;
            var started = process.StartTime.ToUniversalTime();
            return holder.ProcessStartedUtc is { } recorded && (started - recorded).Duration() > StartTimeTolerance;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Can't tell (another user's process, exotic platform): trust the heartbeat.
            return false;
        }
    }
}
