using System.Globalization;

namespace CloudReel.Core.Planning.Timing;

/// <summary>The planner's notes about shot lengths, worded for the person who ordered the film.</summary>
internal static class TimingNotes
{
    public static string Format(double seconds) => seconds.ToString("0.##", CultureInfo.InvariantCulture);

    public static string ModelChanged(string shotId, double wanted, double actual, DurationGrid grid, string modelName)
    {
        var verb = actual < wanted ? "shortened" : "lengthened";
        var rule = grid.IsDiscrete
            ? $"allows only {grid}"
            : actual < wanted ? $"allows at most {Format(grid.Max)} s" : $"allows at least {Format(grid.Min)} s";
        return $"shot {shotId} {verb} to {Format(actual)} s (wanted {Format(wanted)} s): model '{modelName}' {rule}";
    }

    public static string TargetOutcome(double film, double target, int shotCount, DurationGrid grid, string modelName)
    {
        if (Math.Abs(film - target) < 0.05) return $"film runs {Format(film)} s, the {Format(target)} s target, over {shotCount} shots";
        return $"film runs {Format(film)} s for a target of {Format(target)} s: the closest {shotCount} shots on model '{modelName}' ({grid}) allow";
    }
}
