using System.Globalization;

namespace CloudReel.Azure.Sas;

/// <summary>Times in SAS tokens and key requests: ISO 8601 UTC to the second, e.g. 2026-11-21T08:00:00Z.</summary>
public static class SasTime
{
    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
