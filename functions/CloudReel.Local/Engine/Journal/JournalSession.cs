using Microsoft.Data.Sqlite;

namespace CloudReel.Local.Engine.Journal;

/// <summary>Runs statements on the journal connection, inside the current transaction if there is one; each statement is prepared once (<see cref="StatementCache"/>).</summary>
internal readonly struct JournalSession(SqliteTransaction? transaction, StatementCache statements)
{
    public int Execute(string sql, params (string Name, object? Value)[] parameters) => Prepare(sql, parameters).ExecuteNonQuery();

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters) =>
        Prepare(sql, parameters).ExecuteScalar() is var value && value is DBNull ? null : value;

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var reader = Prepare(sql, parameters).ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    private SqliteCommand Prepare(string sql, (string Name, object? Value)[] parameters)
    {
        var command = statements.Get(sql);
        command.Parameters.Clear();
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
