using Microsoft.Data.Sqlite;

namespace CloudReel.Local.Engine.Journal;

/// <summary>
/// The engine's one connection to its SQLite journal. Every write is one IMMEDIATE transaction; a lock
/// keeps this process's threads from interleaving, SQLite's file locks keep other processes out.
/// </summary>
internal sealed class SqliteJournal : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly StatementCache _statements;
    private readonly JournalCheckpointer _checkpointer;
    private readonly string _path;
    private readonly JournalFaultInjection? _faults;
    private readonly Lock _gate = new();
    private volatile bool _halted;
    private bool _disposed;

    static SqliteJournal() => SQLitePCL.Batteries_V2.Init();

    private SqliteJournal(SqliteConnection connection, StatementCache statements, string connectionString, string path, JournalFaultInjection? faults)
    {
        _connection = connection;
        _statements = statements;
        _checkpointer = JournalCheckpointer.Start(connectionString);
        _path = path;
        _faults = faults;
    }

    /// <summary>True once a simulated crash stopped this journal: it refuses every later write.</summary>
    public bool IsHalted => _halted;

    public static SqliteJournal Open(string path, JournalFaultInjection? faults)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        var statements = new StatementCache(connection);
        try
        {
            connection.Open();
            JournalSchema.Apply(connection, statements);
            return new SqliteJournal(connection, statements, connectionString, fullPath, faults);
        }
        catch (SqliteException error) when (JournalUnusableException.From(error, fullPath) is { } unusable)
        {
            statements.Dispose();
            connection.Dispose();
            throw unusable;
        }
        catch
        {
            statements.Dispose();
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Commits <paramref name="work"/> in one transaction. <paramref name="isFaultPoint"/> marks the
    /// engine's own progress writes, the ones fault injection may crash after.
    /// </summary>
    public void Write(Action<JournalSession> work, bool isFaultPoint = true)
    {
        lock (_gate)
        {
            ThrowIfUnusable();
            try
            {
                using var transaction = _connection.BeginTransaction(deferred: false);
                work(new JournalSession(transaction, _statements));
                transaction.Commit();
            }
            catch (SqliteException error) when (JournalUnusableException.From(error, _path) is { } unusable)
            {
                throw unusable;
            }

            if (isFaultPoint && _faults is not null && _faults.CountWriteAndDecideCrash())
            {
                _halted = true;
                _faults.MarkCrashed();
                throw new EngineHaltedException($"Simulated crash after journal write #{_faults.CrashAfterWrite}.");
            }
        }
    }

    public T Read<T>(Func<JournalSession, T> query)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return query(new JournalSession(null, _statements));
            }
            catch (SqliteException error) when (JournalUnusableException.From(error, _path) is { } unusable)
            {
                throw unusable;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _checkpointer.Dispose();
            _statements.Dispose();
            _connection.Dispose();
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_halted) throw new EngineHaltedException("The engine has halted (simulated crash) and writes nothing more.");
    }
}
