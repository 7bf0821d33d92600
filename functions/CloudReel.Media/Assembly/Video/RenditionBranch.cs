using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly.Plan;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly.Video;

/// <summary>A logo ready to draw on one rendition: its pixel size and where it goes.</summary>
internal sealed record LogoArt(int Width, int Height, int X, int Y, double Opacity)
{
    /// <summary>The logo sized as a share of the rendition's width and set in its corner of the safe area.</summary>
    public static LogoArt For(LogoPlacement placement, (int Width, int Height) image, FrameSize size, SafeArea safe)
    {
        var width = Math.Max(2, (int)Math.Round(size.Width * placement.Width / 2) * 2);
        var height = Math.Max(2, (int)Math.Round(width * (double)image.Height / image.Width / 2) * 2);
        var (left, right) = ((int)Math.Ceiling(size.Width * safe.Left), (int)Math.Ceiling(size.Width * safe.Right));
        var (top, bottom) = ((int)Math.Ceiling(size.Height * safe.Top), (int)Math.Ceiling(size.Height * safe.Bottom));
        var x = placement.Position is Corner.TopLeft or Corner.BottomLeft ? left : size.Width - right - width;
        var y = placement.Position is Corner.TopLeft or Corner.TopRight ? top : size.Height - bottom - height;
        return new LogoArt(width, height, x, y, placement.Opacity);
    }
}

/// <summary>What is drawn over one rendition in one stretch of film: its burn-in file for that stretch (captions, titles, label; null when none is on screen) and its logo.</summary>
internal sealed record RenditionArt(TimelineRendition Rendition, string? AssPath, LogoArt? Logo);

/// <summary>
/// One rendition's branch of a chunk's graph: reframe, then everything burned in, then the logo.
/// The burn-in file is the stretch's own, timed from its first frame, so the branch draws the same
/// pixels wherever the stretch sits on the film.
/// </summary>
internal static class RenditionBranch
{
    public static string Build(GraphText graph, string film, string? logo, FilmTimeline timeline, RenditionArt art, FilmChunk chunk)
    {
        var fps = timeline.Fps;
        var picture = Reframer.Apply(graph, film, timeline, art.Rendition, chunk);
        var filters = ClipConform.Renumber(fps);
        if (art.AssPath is not null) filters += $",subtitles=filename={OptionValue(art.AssPath)}";
        picture = graph.Chain(picture, filters);
        if (art.Logo is { } mark && logo is not null)
        {
            var sized = graph.Chain(logo, $"scale={Number(mark.Width)}:{Number(mark.Height)},format=rgba,colorchannelmixer=aa={Number(mark.Opacity)}");
            picture = graph.Chain([picture, sized], $"overlay=x={Number(mark.X)}:y={Number(mark.Y)}:format=auto");
        }

        return graph.Chain(picture, $"format=yuv420p,{ClipConform.Renumber(fps)}");
    }
}
