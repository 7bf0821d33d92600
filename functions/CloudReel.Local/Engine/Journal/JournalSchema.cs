using Microsoft.Data.Sqlite;

namespace CloudReel.Local.Engine.Journal;

/// <summary>The journal's tables. Created on open if missing; WAL so other processes can read while we write.</summary>
internal static class JournalSchema
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS instances (
            instance_id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            status TEXT NOT NULL,
            parent_instance_id TEXT NULL,
            parent_task_id INTEGER NULL,
            created_utc TEXT NOT NULL,
            last_updated_utc TEXT NOT NULL,
            input TEXT NULL,
            output TEXT NULL,
            custom_status TEXT NULL,
            failure TEXT NULL,
            lease_owner TEXT NULL,
            lease_acquired_utc TEXT NULL);
        CREATE INDEX IF NOT EXISTS ix_instances_parent ON instances (parent_instance_id);
        CREATE TABLE IF NOT EXISTS history (
            instance_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            kind TEXT NOT NULL,
            task_id INTEGER NULL,
            name TEXT NULL,
            timestamp_utc TEXT NOT NULL,
            payload TEXT NULL,
            PRIMARY KEY (instance_id, sequence)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS inbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            instance_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            name TEXT NULL,
            payload TEXT NULL,
            created_utc TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_inbox_instance ON inbox (instance_id, id);
        CREATE TABLE IF NOT EXISTS lease_owners (
            owner_id TEXT NOT NULL PRIMARY KEY,
            process_id INTEGER NOT NULL,
            machine_name TEXT NOT NULL,
            process_started_utc TEXT NOT NULL,
            heartbeat_utc TEXT NOT NULL);
        PRAGMA user_version = 1;
        """;

    public static void Apply(SqliteConnection connection, StatementCache statements)
    {
        // WAL persists in the file; busy_timeout and synchronous are per connection. NORMAL (in WAL): a commit
        // is in the WAL before the engine acts on it, so a killed process loses no step; only a power cut may
        // take the last few commits back, and replaying them is what activities are made for (at-least-once:
        // content keys, the job ledger in the clip store). FULL would fsync every commit, one per episode:
        // most of the engine's time on a busy disk.
        var session = new JournalSession(null, statements);
        session.Scalar("PRAGMA journal_mode = WAL;");
        session.Execute("PRAGMA synchronous = NORMAL;");
        session.Execute("PRAGMA busy_timeout = 10000;");
        // This connection's commits never checkpoint the WAL; the journal's JournalCheckpointer does, beside them.
        session.Scalar("PRAGMA wal_autocheckpoint = 0;");
        using var transaction = connection.BeginTransaction(deferred: false);
        new JournalSession(transaction, statements).Execute(Tables);
        transaction.Commit();
    }
}
