namespace CloudReel.Local.Engine.Journal;

/// <summary>An instance row with the engine-only columns the public <see cref="InstanceInfo"/> leaves out.</summary>
internal sealed record InstanceRecord(InstanceInfo Info, int? ParentTaskId, string? LeaseOwner, DateTime? LeaseAcquiredUtc)
{
    public string InstanceId => Info.InstanceId;
}

/// <summary>A row of the inbox: an event (or a terminate request) raised for an instance, not yet consumed.</summary>
internal sealed record InboxRow(long Id, string InstanceId, string Kind, string? Name, string? Payload);

/// <summary>Inbox row kinds.</summary>
internal static class InboxKinds
{
    public const string Event = "event";
    public const string Terminate = "terminate";
}

/// <summary>Who holds the lease on an instance of a tree, with that owner's liveness data (null when the owner row is gone).</summary>
internal sealed record LeaseHolderRow(
    string InstanceId,
    InstanceStatus Status,
    string? OwnerId,
    DateTime? AcquiredUtc,
    int? ProcessId,
    string? MachineName,
    DateTime? ProcessStartedUtc,
    DateTime? HeartbeatUtc);
