using CloudReel.Local.Engine.Leases;

namespace CloudReel.Local.Engine.Journal;

/// <summary>Statements for lease owners (one row per running engine) and instance leases.</summary>
internal static class LeaseWrites
{
    public static void RegisterOwner(this JournalSession session, LeaseOwnerIdentity owner, DateTime nowUtc) => session.Execute(
        """
        INSERT OR REPLACE INTO lease_owners (owner_id, process_id, machine_name, process_started_utc, heartbeat_utc)
        VALUES ($owner, $pid, $machine, $started, $now)
        """,
        ("$owner", owner.OwnerId),
        ("$pid", owner.ProcessId),
        ("$machine", owner.MachineName),
        ("$started", SqliteValues.Time(owner.ProcessStartedUtc)),
        ("$now", SqliteValues.Time(nowUtc)));

    public static void Heartbeat(this JournalSession session, string ownerId, DateTime nowUtc) => session.Execute(
        "UPDATE lease_owners SET heartbeat_utc = $now WHERE owner_id = $owner",
        ("$owner", ownerId),
        ("$now", SqliteValues.Time(nowUtc)));

    public static void TakeLease(this JournalSession session, string instanceId, string ownerId, DateTime nowUtc) => session.Execute(
        "UPDATE instances SET lease_owner = $owner, lease_acquired_utc = $now WHERE instance_id = $id",
        ("$id", instanceId),
        ("$owner", ownerId),
        ("$now", SqliteValues.Time(nowUtc)));

    public static void ReleaseOwner(this JournalSession session, string ownerId)
    {
        session.Execute("UPDATE instances SET lease_owner = NULL, lease_acquired_utc = NULL WHERE lease_owner = $owner", ("$owner", ownerId));
        session.Execute("DELETE FROM lease_owners WHERE owner_id = $owner", ("$owner", ownerId));
    }
}
