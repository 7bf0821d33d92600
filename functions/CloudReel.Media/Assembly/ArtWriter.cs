using System.Text;
using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly.Captions;
using CloudReel.Media.Assembly.Video;

namespace CloudReel.Media.Assembly;

/// <summary>
/// What is drawn over one rendition of the whole film: its burn-in script (captions in its own layout,
/// titles, the label; null when there is nothing to burn) and its logo.
/// </summary>
internal sealed record RenditionLook(TimelineRendition Rendition, AssWriter? Burn, LogoArt? Logo)
{
    /// <summary>The art of one stretch of film: its own burn-in file at <paramref name="path"/>, written only when something is on screen in it.</summary>
    public async Task<RenditionArt> ForAsync(FrameSpan window, string path, CancellationToken cancellationToken)
    {
        if (Burn is null || !Burn.HasEventsIn(window)) return new RenditionArt(Rendition, null, Logo);
        await File.WriteAllTextAsync(path, Burn.Build(window), new UTF8Encoding(false), cancellationToken);
        return new RenditionArt(Rendition, path, Logo);
    }

    /// <summary>The art of the whole film, with one burn-in file for all of it at <paramref name="path"/>.</summary>
    public async Task<RenditionArt> ForWholeFilmAsync(string path, CancellationToken cancellationToken)
    {
        if (Burn is null) return new RenditionArt(Rendition, null, Logo);
        await File.WriteAllTextAsync(path, Burn.Build(), new UTF8Encoding(false), cancellationToken);
        return new RenditionArt(Rendition, path, Logo);
    }
}

/// <summary>
/// Prepares what is drawn over the picture: for each rendition its burn-in script (captions in its own
/// layout, titles, the label) and its logo; for stills, the label and logo at the master's size.
/// Captions are set out per rendition, never burned once and cropped.
/// </summary>
internal static class ArtWriter
{
    /// <summary>Gap between the caption block and a label or logo under it, as a share of the short side.</summary>
    private const double Gap = 0.02;

    public static IReadOnlyList<RenditionLook> Renditions(
        FilmTimeline timeline, IReadOnlyList<TimelineRendition> renditions, (int Width, int Height)? logoImage, string fontFamily)
    {
        var burned = timeline.BurnedLanguages.Select(l => timeline.Captions.First(t => t.Language == l)).ToList();
        var looks = new List<RenditionLook>();
        for (var i = 0; i < renditions.Count; i++)
        {
            var rendition = renditions[i];
            var logo = Logo(timeline, logoImage, rendition.Size, rendition.SafeArea);
            var layout = CaptionLayout.For(rendition.Size, rendition.SafeArea) with { CaptionLift = Lift(timeline, rendition, logo) };
            var writer = new AssWriter(layout, fontFamily, timeline.Fps)
                .Captions(burned, timeline.TotalFrames)
                .Titles(timeline.Titles, timeline.TotalFrames);
            if (timeline.Label is { } label) writer.Label(label.Text, label.Position, label.Spans);
            looks.Add(new RenditionLook(rendition, writer.HasEvents ? writer : null, logo));
        }

        return looks;
    }

    /// <summary>The label (over all time) for stills at the master's size, or null without a label.</summary>
    public static async Task<string?> StillLabelAsync(FilmTimeline timeline, string fontFamily, string folder, CancellationToken cancellationToken)
    {
        if (timeline.Label is not { } label) return null;
        var layout = CaptionLayout.For(timeline.Size, SafeArea.For(timeline.Aspect));
        var writer = new AssWriter(layout, fontFamily, timeline.Fps).Label(label.Text, label.Position, [new FrameSpan(0, timeline.Fps * 360_000)]);
        return await SaveAsync(writer, folder, "still.ass", cancellationToken);
    }

    public static LogoArt? Logo(FilmTimeline timeline, (int Width, int Height)? image, FrameSize size, SafeArea safe) =>
        timeline.Logo is { } logo && image is { } pixels ? LogoArt.For(logo.Placement, pixels, size, safe) : null;

    /// <summary>Room the captions leave at the bottom for a label or logo in a bottom corner.</summary>
    private static int Lift(FilmTimeline timeline, TimelineRendition rendition, LogoArt? logo)
    {
        var shortSide = Math.Min(rendition.Size.Width, rendition.Size.Height);
        var lift = 0;
        if (timeline.Label is { Position: Corner.BottomLeft or Corner.BottomRight })
        {
            lift = (int)Math.Ceiling(CaptionLayout.For(rendition.Size, rendition.SafeArea).LabelFont * 1.6);
        }

        if (logo is not null && timeline.Logo!.Placement.Position is Corner.BottomLeft or Corner.BottomRight) lift = Math.Max(lift, logo.Height);
        return lift == 0 ? 0 : lift + (int)Math.Ceiling(shortSide * Gap);
    }

    private static async Task<string> SaveAsync(AssWriter writer, string folder, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, writer.Build(), new UTF8Encoding(false), cancellationToken);
        return path;
    }
}
