using Microsoft.Data.Sqlite;

namespace CloudReel.Local.Engine;

/// <summary>
/// The journal cannot be used: it is damaged, its disk is full, or it cannot be opened or written. The
/// message says which, where, and what to do; the clip store is another folder and is never touched by it.
/// </summary>
public sealed class JournalUnusableException(string message, Exception inner) : Exception(message, inner)
{
    private const int SqliteCorrupt = 11;
    private const int SqliteReadOnly = 8;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;
    private const int SqliteNotADatabase = 26;

    /// <summary>The condition <paramref name="error"/> stands for, told for people; null when it is none of these.</summary>
    internal static JournalUnusableException? From(SqliteException error, string journalPath) => error.SqliteErrorCode switch
    {
        SqliteCorrupt or SqliteNotADatabase => new(
            $"The journal {journalPath} is damaged ({error.Message.TrimEnd('.')}). Clips already made are safe in the store and are reused: "
            + $"move the journal aside (mv {journalPath} {journalPath}.damaged) and render the orders again.", error),
        SqliteFull => new(
            $"The disk holding the journal {journalPath} is full. Free some space and run `cloudreel resume <film-id>`: nothing made so far is lost.", error),
        SqliteReadOnly or SqliteCannotOpen => new(
            $"The journal {journalPath} cannot be opened for writing ({error.Message.TrimEnd('.')}): check the folder's permissions and free space.", error),
        _ => null,
    };
}
