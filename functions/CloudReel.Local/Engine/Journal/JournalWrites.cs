using CloudReel.Core.Workflow;
using Microsoft.DurableTask;

namespace CloudReel.Local.Engine.Journal;

/// <summary>A new instance row: a top-level start or a child created by its parent's episode.</summary>
internal sealed record NewInstance(
    string InstanceId,
    string Name,
    string? InputJson,
    string? ParentInstanceId,
    int? ParentTaskId,
    string LeaseOwner,
    DateTime NowUtc);

/// <summary>Statements that change the journal; callers group them into one transaction.</summary>
internal static class JournalWrites
{
    /// <summary>Fails the transaction when another engine took the lease over: it must not write for this instance.</summary>
    public static void RequireLease(this JournalSession session, string instanceId, string ownerId)
    {
        var holder = session.Scalar("SELECT lease_owner FROM instances WHERE instance_id = $id", ("$id", instanceId)) as string;
        if (holder != ownerId) throw new LeaseLostException(instanceId);
    }

    public static void InsertInstance(this JournalSession session, NewInstance instance)
    {
        if (session.Scalar("SELECT status FROM instances WHERE instance_id = $id", ("$id", instance.InstanceId)) is string status)
        {
            throw new InvalidOperationException(
                $"Film '{instance.InstanceId}' already exists ({status}); pick another id, or resume it if it is unfinished.");
        }

        var now = SqliteValues.Time(instance.NowUtc);
        session.Execute(
            """
            INSERT INTO instances (instance_id, name, status, parent_instance_id, parent_task_id, created_utc, last_updated_utc,
                                   input, lease_owner, lease_acquired_utc)
            VALUES ($id, $name, 'Pending', $parent, $parentTask, $now, $now, $input, $owner, $now)
            """,
            ("$id", instance.InstanceId),
            ("$name", instance.Name),
            ("$parent", instance.ParentInstanceId),
            ("$parentTask", instance.ParentTaskId),
            ("$now", now),
            ("$input", instance.InputJson),
            ("$owner", instance.LeaseOwner));
    }

    /// <summary>Starts a finished child afresh under the same id (a retried sub-orchestration with a fixed id).</summary>
    public static void ResetInstance(this JournalSession session, NewInstance instance)
    {
        session.Execute("DELETE FROM history WHERE instance_id = $id", ("$id", instance.InstanceId));
        session.Execute("DELETE FROM inbox WHERE instance_id = $id", ("$id", instance.InstanceId));
        var now = SqliteValues.Time(instance.NowUtc);
        session.Execute(
            """
            UPDATE instances SET name = $name, status = 'Pending', parent_task_id = $parentTask, created_utc = $now,
                last_updated_utc = $now, input = $input, output = NULL, custom_status = NULL, failure = NULL,
                lease_owner = $owner, lease_acquired_utc = $now
            WHERE instance_id = $id
            """,
            ("$id", instance.InstanceId),
            ("$name", instance.Name),
            ("$parentTask", instance.ParentTaskId),
            ("$now", now),
            ("$input", instance.InputJson),
            ("$owner", instance.LeaseOwner));
    }

    public static void AppendHistory(this JournalSession session, string instanceId, HistoryEvent historyEvent) => session.Execute(
        """
        INSERT INTO history (instance_id, sequence, kind, task_id, name, timestamp_utc, payload)
        VALUES ($id, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM history WHERE instance_id = $id), $kind, $task, $name, $time, $payload)
        """,
        ("$id", instanceId),
        ("$kind", historyEvent.Kind),
        ("$task", historyEvent.TaskId),
        ("$name", historyEvent.Name),
        ("$time", SqliteValues.Time(historyEvent.TimestampUtc)),
        ("$payload", historyEvent.Payload));

    public static void MarkRunning(this JournalSession session, string instanceId, DateTime nowUtc) => session.Execute(
        "UPDATE instances SET status = CASE status WHEN 'Pending' THEN 'Running' ELSE status END, last_updated_utc = $now WHERE instance_id = $id",
        ("$id", instanceId),
        ("$now", SqliteValues.Time(nowUtc)));

    public static void SetCustomStatus(this JournalSession session, string instanceId, string? customStatusJson, DateTime nowUtc) => session.Execute(
        "UPDATE instances SET custom_status = $status, last_updated_utc = $now WHERE instance_id = $id",
        ("$id", instanceId),
        ("$status", customStatusJson),
        ("$now", SqliteValues.Time(nowUtc)));

    /// <summary>Records the end of an instance, lets its lease go and drops events nobody will read.</summary>
    public static void FinishInstance(
        this JournalSession session, string instanceId, InstanceStatus status, string? outputJson, TaskFailureDetails? failure, DateTime nowUtc)
    {
        session.Execute(
            """
            UPDATE instances SET status = $status, output = $output, failure = $failure, last_updated_utc = $now,
                lease_owner = NULL, lease_acquired_utc = NULL
            WHERE instance_id = $id
            """,
            ("$id", instanceId),
            ("$status", status.ToString()),
            ("$output", outputJson),
            ("$failure", failure is null ? null : WorkflowJson.Serialize(failure)),
            ("$now", SqliteValues.Time(nowUtc)));
        session.Execute("DELETE FROM inbox WHERE instance_id = $id", ("$id", instanceId));
    }

    public static void InsertInbox(this JournalSession session, string instanceId, string kind, string? name, string? payload, DateTime nowUtc) =>
        session.Execute(
            "INSERT INTO inbox (instance_id, kind, name, payload, created_utc) VALUES ($id, $kind, $name, $payload, $now)",
            ("$id", instanceId),
            ("$kind", kind),
            ("$name", name),
            ("$payload", payload),
            ("$now", SqliteValues.Time(nowUtc)));

    public static void DeleteInboxRow(this JournalSession session, long rowId) =>
        session.Execute("DELETE FROM inbox WHERE id = $row", ("$row", rowId));
}
