using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CloudReel.Local.Engine.Journal;

/// <summary>How values look in the journal: UTC timestamps as round-trip ISO 8601 text, readable with the sqlite3 shell.</summary>
internal static class SqliteValues
{
    public static string Time(DateTime utc) => UtcTime.Normalize(utc).ToString("O", CultureInfo.InvariantCulture);

    public static DateTime ParseTime(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static string? NullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? NullableInt(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static DateTime? NullableTime(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseTime(reader.GetString(ordinal));
}

/// <summary>UTC helpers shared by the engine.</summary>
internal static class UtcTime
{
    public static DateTime Normalize(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    public static DateTime Now(TimeProvider time) => time.GetUtcNow().UtcDateTime;
}
