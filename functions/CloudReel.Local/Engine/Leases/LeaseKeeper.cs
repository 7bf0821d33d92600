using CloudReel.Local.Engine.Journal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CloudReel.Local.Engine.Leases;

/// <summary>
/// This engine's leases: registers the engine as an owner when it first runs something, keeps the
/// owner's heartbeat fresh, takes leases over (refusing live foreign ones) and lets them go on dispose.
/// </summary>
internal sealed class LeaseKeeper(SqliteJournal journal, TimeProvider time, TimeSpan leaseTimeout, ILogger logger)
{
    private readonly Lock _gate = new();
    private Task? _heartbeat;

    public LeaseOwnerIdentity Owner { get; } = LeaseOwnerIdentity.ForThisProcess();

    public string OwnerId => Owner.OwnerId;

    public void EnsureRegistered(CancellationToken stopping)
    {
        lock (_gate)
        {
            if (_heartbeat is not null) return;
            journal.Write(s => s.RegisterOwner(Owner, UtcTime.Now(time)), isFaultPoint: false);
            _heartbeat = Task.Run(() => BeatAsync(stopping), CancellationToken.None);
        }
    }

    /// <summary>Takes the lease on an unfinished instance and its unfinished descendants, or throws naming the live holder.</summary>
    public void AcquireTree(string rootInstanceId)
    {
        journal.Write(session =>
        {
            var now = UtcTime.Now(time);
            var unfinished = session.ReadTreeLeases(rootInstanceId)
                .Where(h => h.Status is InstanceStatus.Pending or InstanceStatus.Running)
                .ToList();
            var liveForeign = unfinished.FirstOrDefault(h => IsLiveForeign(h, now));
            if (liveForeign is not null) throw new InstanceLeasedException(LeaseLiveness.DescribeConflict(liveForeign, leaseTimeout));
            foreach (var holder in unfinished.Where(h => h.OwnerId != OwnerId)) session.TakeLease(holder.InstanceId, OwnerId, now);
        });
    }

    /// <summary>Whether another engine holds this lease and is alive.</summary>
    public bool IsLiveForeign(LeaseHolderRow holder, DateTime nowUtc) =>
        holder.OwnerId is not null && holder.OwnerId != OwnerId && LeaseLiveness.IsLive(holder, nowUtc, leaseTimeout);

    public async Task StopAsync()
    {
        Task? heartbeat;
        lock (_gate) heartbeat = _heartbeat;
        if (heartbeat is null) return;
        await heartbeat;
        if (journal.IsHalted) return;
        try
        {
            journal.Write(s => s.ReleaseOwner(OwnerId), isFaultPoint: false);
        }
        catch (SqliteException ex)
        {
            logger.LogWarning(ex, "Could not release the leases of {Owner}; they go stale after {Timeout}", OwnerId, leaseTimeout);
        }
    }

    private async Task BeatAsync(CancellationToken stopping)
    {
        var interval = TimeSpan.FromTicks(Math.Max(leaseTimeout.Ticks / 3, TimeSpan.TicksPerMillisecond));
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stopping);
                journal.Write(s => s.Heartbeat(OwnerId, UtcTime.Now(time)), isFaultPoint: false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is EngineHaltedException or ObjectDisposedException)
            {
                return;
            }
            catch (SqliteException ex)
            {
                logger.LogWarning(ex, "Lease heartbeat failed; retrying");
            }
        }
    }
}
