using System.Diagnostics;

namespace CloudReel.Local.Engine.Leases;

/// <summary>
/// Who this engine is to other processes on the journal: a fresh owner id, plus the process id, machine
/// and process start time that let another process on the same machine tell a dead owner from a live one.
/// </summary>
internal sealed record LeaseOwnerIdentity(string OwnerId, int ProcessId, string MachineName, DateTime ProcessStartedUtc)
{
    public static LeaseOwnerIdentity ForThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        return new LeaseOwnerIdentity(
            $"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}",
            Environment.ProcessId,
            Environment.MachineName,
            process.StartTime.ToUniversalTime());
    }
}
