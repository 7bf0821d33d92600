using CloudReel.Core.Ports;

namespace CloudReel.Core.Reports;

/// <summary>What assembly reused from earlier films, one line per film file: "film.16x9.mp4: 2 of 12 chunks encoded, 10 reused (31.0 s saved)".</summary>
public static class ReuseLines
{
    public static IEnumerable<string> Of(IEnumerable<RenditionReuse> films, bool soundReused)
    {
        foreach (var film in films)
        {
            yield return $"{film.File}: {film.Encoded} of {film.Chunks} chunks encoded, {film.Reused} reused{(film.Reused > 0 ? $" ({film.SecondsSaved:0.0} s saved)" : "")}";
        }

        if (soundReused) yield return "sound: reused (nothing audible changed)";
    }
}
