using CloudReel.Core.Workflow;
using Microsoft.DurableTask;
using Microsoft.Data.Sqlite;

namespace CloudReel.Local.Engine.Journal;

/// <summary>Reads of the journal. They run inside a write transaction or on their own.</summary>
internal static class JournalQueries
{
    private const string InstanceColumns = """
        instance_id, name, status, parent_instance_id, created_utc, last_updated_utc, input, output, custom_status,
        failure, parent_task_id, lease_owner, lease_acquired_utc
        """;

    public static InstanceRecord? GetInstance(this JournalSession session, string instanceId) =>
        session.Query($"SELECT {InstanceColumns} FROM instances WHERE instance_id = $id", ReadInstance, ("$id", instanceId))
            .SingleOrDefault();

    public static List<InstanceRecord> ListInstances(this JournalSession session, string? prefix) => session.Query(
        $"SELECT {InstanceColumns} FROM instances WHERE $prefix IS NULL OR substr(instance_id, 1, length($prefix)) = $prefix ORDER BY created_utc, instance_id",
        ReadInstance,
        ("$prefix", prefix));

    public static List<HistoryEvent> LoadHistory(this JournalSession session, string instanceId) => session.Query(
        "SELECT sequence, kind, task_id, name, timestamp_utc, payload FROM history WHERE instance_id = $id ORDER BY sequence",
        r => new HistoryEvent(r.GetInt64(0), r.GetString(1), r.NullableInt(2), r.NullableString(3), SqliteValues.ParseTime(r.GetString(4)), r.NullableString(5)),
        ("$id", instanceId));

    public static List<InboxRow> ReadInbox(this JournalSession session) => session.Query(
        "SELECT id, instance_id, kind, name, payload FROM inbox ORDER BY id",
        r => new InboxRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.NullableString(3), r.NullableString(4)));

    /// <summary>The instance and all its descendants, with their lease holders.</summary>
    public static List<LeaseHolderRow> ReadTreeLeases(this JournalSession session, string rootInstanceId) => session.Query(
        """
        WITH RECURSIVE tree(instance_id) AS (
            SELECT $root
            UNION
            SELECT i.instance_id FROM instances i JOIN tree t ON i.parent_instance_id = t.instance_id)
        SELECT i.instance_id, i.status, i.lease_owner, i.lease_acquired_utc,
               o.process_id, o.machine_name, o.process_started_utc, o.heartbeat_utc
        FROM instances i JOIN tree t ON t.instance_id = i.instance_id
        LEFT JOIN lease_owners o ON o.owner_id = i.lease_owner
        """,
        r => new LeaseHolderRow(
            r.GetString(0),
            Enum.Parse<InstanceStatus>(r.GetString(1)),
            r.NullableString(2),
            r.NullableTime(3),
            r.NullableInt(4),
            r.NullableString(5),
            r.NullableTime(6),
            r.NullableTime(7)),
        ("$root", rootInstanceId));

    private static InstanceRecord ReadInstance(SqliteDataReader r)
    {
        var info = new InstanceInfo(
            r.GetString(0),
            r.GetString(1),
            Enum.Parse<InstanceStatus>(r.GetString(2)),
            r.NullableString(3),
            SqliteValues.ParseTime(r.GetString(4)),
            SqliteValues.ParseTime(r.GetString(5)),
            r.NullableString(6),
            r.NullableString(7),
            r.NullableString(8),
            WorkflowJson.Deserialize<TaskFailureDetails>(r.NullableString(9)));
        return new InstanceRecord(info, r.NullableInt(10), r.NullableString(11), r.NullableTime(12));
    }
}
