using System.Globalization;
using CloudReel.Core.Quality;

namespace CloudReel.Media.Quality;

/// <summary>Turns what the detectors found into checks, each passed or failed against the thresholds, with a reason a person acts on.</summary>
internal static class QualityVerdicts
{
    /// <summary>How close to an end a stretch may start or stop and still be "at the end".</summary>
    private const double EdgeSeconds = 0.1;

    public static IReadOnlyList<QualityCheck> Judge(QualityReadings readings, ClipExpectation expectation)
    {
        var t = expectation.Thresholds;
        return
        [
            Duration(readings.Duration, expectation.Seconds, t),
            expectation.MayHoldStill ? new QualityCheck("freeze", true, "this model's pictures may stand still") : Freeze(readings, t),
            Black(readings, t),
            Cut(readings, t),
            .. expectation.ExpectsSound ? [Sound(readings, t)] : Array.Empty<QualityCheck>(),
        ];
    }

    private static QualityCheck Duration(double actual, double asked, QualityThresholds t)
    {
        var tolerance = Math.Max(t.DurationToleranceSeconds, asked * t.DurationToleranceShare);
        var off = actual - asked;
        return Math.Abs(off) <= tolerance
            ? new QualityCheck("duration", true, $"{S(actual)} s for {S(asked)} s asked")
            : new QualityCheck("duration", false, $"{S(actual)} s long, {S(asked)} s asked ({(off < 0 ? "short" : "long")} by {S(Math.Abs(off))} s, more than {S(tolerance)} s)", Score: actual);
    }

    private static QualityCheck Freeze(QualityReadings r, QualityThresholds t)
    {
        var limit = Math.Max(t.FreezeSeconds, r.Duration * t.FreezeShare);
        var worst = r.Frozen.OrderByDescending(s => s.Length).FirstOrDefault();
        if (worst is null || worst.Length < limit - 1e-6)
        {
            return new QualityCheck("freeze", true, worst is null ? "the picture moves throughout" : $"longest still stretch {S(worst.Length)} s, under {S(limit)} s");
        }
        var end = worst.End >= r.Duration - EdgeSeconds ? "the end" : $"{S(worst.End)} s";
        return new QualityCheck("freeze", false, $"the picture is frozen from {S(worst.Start)} s to {end} ({S(worst.Length)} s)", worst.Start, worst.Length);
    }

    private static QualityCheck Black(QualityReadings r, QualityThresholds t)
    {
        foreach (var span in r.Black)
        {
            var atEdge = span.Start <= EdgeSeconds || span.End >= r.Duration - EdgeSeconds;
            var limit = atEdge ? t.BlackAtEdgeSeconds : t.BlackSeconds;
            if (span.Length < limit - 1e-6) continue;
            var what = span.Start <= EdgeSeconds && span.End >= r.Duration - EdgeSeconds
                ? "the picture is black throughout"
                : atEdge ? $"black for {S(span.Length)} s from {S(span.Start)} s" : $"flashes to black at {S(span.Start)} s for {S(span.Length)} s";
            return new QualityCheck("black", false, what, span.Start, span.Length);
        }
        return new QualityCheck("black", true, r.Black.Count == 0 ? "no black frames" : "only a brief fade at an end");
    }

    private static QualityCheck Cut(QualityReadings r, QualityThresholds t) => r.CutScore >= t.CutScore
        ? new QualityCheck("cut", false, $"a hard cut at {S(r.CutAt)} s inside the shot (scene change score {S(r.CutScore)}, {S(t.CutScore)} or more is a cut)", r.CutAt, r.CutScore)
        : new QualityCheck("cut", true, $"one continuous shot (largest scene change score {S(r.CutScore)})", Score: r.CutScore);

    private static QualityCheck Sound(QualityReadings r, QualityThresholds t)
    {
        if (!r.HasAudio) return new QualityCheck("sound", false, "no sound track, and this model makes sound");
        var silent = r.Silent.Sum(s => s.Length);
        return silent >= r.Duration * t.SilentShare
            ? new QualityCheck("sound", false, $"silent for {S(silent)} of {S(r.Duration)} s, and this model makes sound", Score: silent)
            : new QualityCheck("sound", true, $"sound for {S(r.Duration - silent)} of {S(r.Duration)} s");
    }

    private static string S(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
