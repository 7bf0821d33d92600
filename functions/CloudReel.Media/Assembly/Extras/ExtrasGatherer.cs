using System.Globalization;
using CloudReel.Media.Assembly.Video;

namespace CloudReel.Media.Assembly.Extras;

/// <summary>
/// Brings what each chunk took for the extras (its thumbnails, candidates, blur scores and poster, in
/// the chunk's own names) under the film's names, and picks poster.jpg: the ordered frame, or the
/// candidate FFmpeg's blurdetect scored sharpest (lowest blur).
/// </summary>
internal sealed class ExtrasGatherer(ExtrasPlan plan)
{
    private readonly List<(int Shot, double Blur)> _scores = [];

    public void Gather(ChunkExtras extras)
    {
        var blurs = File.Exists(extras.BlurLog)
            ? File.ReadLines(extras.BlurLog)
                .Where(l => l.StartsWith("lavfi.blur=", StringComparison.Ordinal))
                .Select(l => double.Parse(l["lavfi.blur=".Length..], NumberStyles.Float, CultureInfo.InvariantCulture))
                .ToList()
            : [];
        for (var i = 0; i < extras.Shots.Count; i++)
        {
            var shot = extras.Shots[i];
            Move(extras.Thumbnail(i), plan.Thumbnail(shot));
            if (extras.Candidates && Move(extras.Candidate(i), plan.Candidate(shot)) && i < blurs.Count) _scores.Add((shot, blurs[i]));
        }

        if (extras.PosterFrame is not null) Move(extras.Poster, plan.Poster);
    }

    /// <summary>The poster's file, or null when there is none.</summary>
    public string? Poster()
    {
        if (plan.PosterFrame is not null) return File.Exists(plan.Poster) ? plan.Poster : null;
        return _scores.Count == 0 ? null : plan.Candidate(_scores.MinBy(s => s.Blur).Shot);
    }

    private static bool Move(string from, string to)
    {
        if (!File.Exists(from)) return false;
        File.Copy(from, to, overwrite: true);
        return true;
    }
}
