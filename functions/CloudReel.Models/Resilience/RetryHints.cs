using System.Globalization;
using System.Net.Http.Headers;

namespace CloudReel.Models.Resilience;

/// <summary>How long a service asks a client to wait, from the headers services use for it.</summary>
public static class RetryHints
{
    /// <summary>Retry-After (seconds or a date), or Azure's retry-after-ms.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (Milliseconds(response.Headers, "retry-after-ms") is { } ms) return ms;
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta) return delta;
            if (retryAfter.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>A header holding whole milliseconds, e.g. openai-poll-after-ms.</summary>
    public static TimeSpan? Milliseconds(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0
            ? TimeSpan.FromMilliseconds(ms)
            : null;
}
