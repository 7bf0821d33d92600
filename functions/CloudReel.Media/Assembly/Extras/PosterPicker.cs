using System.Globalization;
using CloudReel.Media.Assembly.Plan;
using CloudReel.Media.Assembly.Video;

namespace CloudReel.Media.Assembly.Extras;

/// <summary>
/// Picks poster.jpg among the shot frames the chunks wrote as candidates: the one FFmpeg's
/// blurdetect scored sharpest (lowest blur).
/// </summary>
internal static class PosterPicker
{
    /// <summary>The candidate file of the sharpest shot frame, or null when there were none.</summary>
    public static string? Sharpest(ExtrasPlan plan, IReadOnlyList<FilmChunk> chunks)
    {
        var scores = new List<(int Shot, double Blur)>();
        for (var c = 0; c < chunks.Count; c++)
        {
            var shots = plan.ShotFrames.Select((frame, shot) => (frame, shot))
                .Where(s => s.frame >= chunks[c].StartFrame && s.frame < chunks[c].EndFrame).Select(s => s.shot).ToList();
            if (shots.Count == 0 || !File.Exists(plan.BlurLog(c))) continue;
            var blurs = File.ReadLines(plan.BlurLog(c))
                .Where(l => l.StartsWith("lavfi.blur=", StringComparison.Ordinal))
                .Select(l => double.Parse(l["lavfi.blur=".Length..], NumberStyles.Float, CultureInfo.InvariantCulture))
                .ToList();
            scores.AddRange(shots.Zip(blurs));
        }

        if (scores.Count == 0) return null;
        var best = scores.MinBy(s => s.Blur).Shot;
        return plan.Candidates.Replace("%04d", best.ToString("D4", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
