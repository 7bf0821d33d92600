using Microsoft.Data.Sqlite;

namespace CloudReel.Local.Engine.Journal;

/// <summary>
/// Moves the journal's write-ahead log into the database on its own connection, once a second, so the
/// engine's commits never do it themselves: SQLite's automatic checkpoint runs inside whichever commit
/// crosses the threshold, and with its syncs it was a fifth of the engine's own time. PASSIVE: it never
/// waits for, or blocks, a reader or a writer; what it cannot move now it moves on a later pass.
/// </summary>
internal sealed class JournalCheckpointer : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly SqliteConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private JournalCheckpointer(SqliteConnection connection)
    {
        _connection = connection;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Starts checkpointing <paramref name="connectionString"/>'s database in the background.</summary>
    public static JournalCheckpointer Start(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return new JournalCheckpointer(connection);
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for the next pass.
        }

        _connection.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            try
            {
                using var command = _connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                command.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Busy or briefly unreadable: the next pass tries again, and SQLite checkpoints when the last connection closes.
            }
        }
    }
}
