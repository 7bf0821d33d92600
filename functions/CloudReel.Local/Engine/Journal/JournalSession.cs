using Microsoft.Data.Sqlite;

namespace CloudReel.Local.Engine.Journal;

/// <summary>
/// Runs statements on the journal connection, inside the current transaction if there is one. With a
/// <see cref="StatementCache"/> each statement is prepared once and reused; without one (schema set-up)
/// every command is made and disposed.
/// </summary>
internal readonly struct JournalSession(SqliteConnection connection, SqliteTransaction? transaction, StatementCache? statements = null)
{
    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Create(sql, parameters);
        try
        {
            return command.ExecuteNonQuery();
        }
        finally
        {
            Release(command);
        }
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Create(sql, parameters);
        try
        {
            var value = command.ExecuteScalar();
            return value is DBNull ? null : value;
        }
        finally
        {
            Release(command);
        }
    }

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        var command = Create(sql, parameters);
        try
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read()) rows.Add(map(reader));
            return rows;
        }
        finally
        {
            Release(command);
        }
    }

    private SqliteCommand Create(string sql, (string Name, object? Value)[] parameters)
    {
        SqliteCommand command;
        if (statements is not null)
        {
            command = statements.Get(sql);
            command.Parameters.Clear();
        }
        else
        {
            command = connection.CreateCommand();
#pragma warning disable CA2100 // every statement is a constant of this assembly; values travel as parameters
            command.CommandText = sql;
#pragma warning restore CA2100
        }

        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private void Release(SqliteCommand command)
    {
        if (statements is null) command.Dispose();
    }
}
