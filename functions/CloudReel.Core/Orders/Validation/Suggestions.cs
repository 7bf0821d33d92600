namespace CloudReel.Core.Orders;

/// <summary>"Did you mean …?": the known name closest to what was written, if any is close enough.</summary>
internal static class Suggestions
{
    /// <summary>A hint such as "; did you mean 'seconds'?", or "" when nothing is close.</summary>
    public static string Hint(string written, IEnumerable<string> known) =>
        Closest(written, known) is { } match ? $"; did you mean '{match}'?" : "";

    /// <summary>
    /// The closest known name: equal but for letter case, else within two edits (one when both words are
    /// shorter than five letters, so "4:3" doesn't suggest "1:1"), else one that starts with the other
    /// (at least 3 letters shared, e.g. "timeout" for "timeoutHours").
    /// </summary>
    public static string? Closest(string written, IEnumerable<string> known)
    {
        string? best = null;
        var bestScore = int.MaxValue;
        foreach (var candidate in known)
        {
            var score = Score(written, candidate);
            if (score < bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static int Score(string written, string candidate)
    {
        if (written == candidate) return int.MaxValue;
        var a = written.ToLowerInvariant();
        var b = candidate.ToLowerInvariant();
        if (a == b) return 0;
        var distance = Distance(a, b);
        if (distance <= (Math.Max(a.Length, b.Length) >= 5 ? 2 : 1)) return distance;
        var shorter = Math.Min(a.Length, b.Length);
        return shorter >= 3 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)) ? 3 : int.MaxValue;
    }

    /// <summary>Edits (insert, delete, replace, swap two neighbours) that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
