using Microsoft.Data.Sqlite;

namespace CloudReel.Local.Engine.Journal;

/// <summary>
/// The journal's statements, each prepared once per connection and reused: an episode runs the same
/// handful of statements, and SQLite parsing them afresh every time was a good part of its cost.
/// Used only under the journal's lock, like the connection itself.
/// </summary>
internal sealed class StatementCache(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteCommand Get(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
#pragma warning disable CA2100 // every statement is a constant of this assembly; values travel as parameters
            command.CommandText = sql;
#pragma warning restore CA2100
            _commands[sql] = command;
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }
}
