using System.Globalization;

namespace CloudReel.Cli.Tests.Faults;

/// <summary>Small orders for the fault-injection suite: 180p, short shots, chosen models and fallbacks.</summary>
internal static class FaultOrders
{
    /// <summary>An order whose shots are (id, model, seconds), with the order's fallback chain and budget.</summary>
    public static string Of(IReadOnlyList<string> fallback, decimal? budget, params (string Id, string Model, double Seconds)[] shots)
    {
        var lines = new List<string> { "title: Fault Film", "resolution: 180p", "transition: cut" };
        if (fallback.Count > 0) lines.Add($"fallback: [{string.Join(", ", fallback)}]");
        if (budget is { } limit) lines.Add("budget: " + limit.ToString(CultureInfo.InvariantCulture));
        lines.Add("shots:");
        lines.AddRange(shots.Select(s => $"  - {{id: {s.Id}, prompt: 'Shot {s.Id}: lanterns over a canal at night', seconds: {s.Seconds.ToString(CultureInfo.InvariantCulture)}, model: {s.Model}}}"));
        return string.Join("\n", lines) + "\n";
    }
}
