using CloudReel.Core.Models;

namespace CloudReel.Core.Planning.Timing;

/// <summary>
/// Seconds per shot: from reading time, or spread over a target film length, then fitted to
/// what the model accepts. Adds a note for every shot the model forced to another length.
/// </summary>
internal static class ShotTiming
{
    public static IReadOnlyList<double> Plan(IReadOnlyList<TimedShot> shots, double? targetSeconds, ModelCapabilities model, List<string> notes)
    {
        var grid = new DurationGrid(model.Durations);
        var seconds = targetSeconds is { } target
            ? SpreadOverTarget(shots, target, grid, model.Name, notes)
            : FromReadingTime(shots, grid, model.Name, notes);
        if (targetSeconds is null)
        {
            notes.Add($"film runs {TimingNotes.Format(FilmLength(shots, seconds))} s, timed by reading time (set a duration to aim for a length)");
        }
        return seconds;
    }

    /// <summary>Σ seconds − Σ overlaps between consecutive shots.</summary>
    public static double FilmLength(IReadOnlyList<TimedShot> shots, IReadOnlyList<double> seconds) =>
        seconds.Sum() - OverlapTotal(shots);

    private static double OverlapTotal(IReadOnlyList<TimedShot> shots) =>
        shots.Take(shots.Count - 1).Sum(s => s.OutgoingOverlap);

    private static List<double> FromReadingTime(IReadOnlyList<TimedShot> shots, DurationGrid grid, string modelName, List<string> notes)
    {
        var result = new List<double>();
        foreach (var shot in shots)
        {
            var wanted = DurationGrid.RoundToStep(Math.Max(ReadingTime.MinimumShotSeconds, shot.ReadingSeconds));
            var fitted = grid.Fit(wanted);
            if (!grid.Accepts(wanted)) notes.Add(TimingNotes.ModelChanged(shot.Id, wanted, fitted, grid, modelName));
            result.Add(fitted);
        }
        return result;
    }

    private static List<double> SpreadOverTarget(IReadOnlyList<TimedShot> shots, double target, DurationGrid grid, string modelName, List<string> notes)
    {
        var wantedTotal = target + OverlapTotal(shots);
        var weightTotal = shots.Sum(s => s.ReadingSeconds);
        var ideal = shots.Select(s => wantedTotal * s.ReadingSeconds / weightTotal).ToArray();
        var lower = shots.Select((s, i) => grid.AtLeast(ShortestFor(shots, i))).ToArray();
        var seconds = ideal.Select((x, i) => Math.Max(grid.Fit(x), lower[i])).ToArray();

        TargetCorrection.Apply(seconds, ideal, lower, wantedTotal, grid);

        for (var i = 0; i < shots.Count; i++)
        {
            var wanted = DurationGrid.RoundToStep(ideal[i]);
            if (!grid.Accepts(wanted)) notes.Add(TimingNotes.ModelChanged(shots[i].Id, wanted, seconds[i], grid, modelName));
        }
        notes.Add(TimingNotes.TargetOutcome(FilmLength(shots, seconds), target, shots.Count, grid, modelName));
        return [.. seconds];
    }

    /// <summary>A shot must outlast the transitions at both its ends and still show something, and hold its spoken lines.</summary>
    private static double ShortestFor(IReadOnlyList<TimedShot> shots, int i)
    {
        var incoming = i > 0 ? shots[i - 1].OutgoingOverlap : 0;
        var outgoing = i < shots.Count - 1 ? shots[i].OutgoingOverlap : 0;
        return Math.Max(Math.Max(2, incoming + outgoing + 1), shots[i].SpokenSeconds);
    }
}
