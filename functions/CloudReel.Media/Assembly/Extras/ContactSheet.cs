using System.Globalization;
using CloudReel.Core.Timeline;
using CloudReel.Media.Animatic;
using CloudReel.Media.Assembly.Video;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Fonts;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly.Extras;

/// <summary>
/// contact-sheet.jpg: every shot's thumbnail on a grid, in film order, each labelled with its
/// number, shot id and where it is on the film. Labels reach drawtext through files.
/// </summary>
internal sealed class ContactSheet(FfmpegRunner runner)
{
    private const int Columns = 6;
    private const int Gap = 8;
    private const int Band = 28;

    public async Task WriteAsync(FilmTimeline timeline, ExtrasPlan plan, CjkFont font, string output, CancellationToken cancellationToken)
    {
        var shots = plan.ShotFrames.Count;
        var (columns, rows) = (Math.Min(Columns, shots), (shots + Columns - 1) / Columns);
        var (tw, th) = ThumbnailSize(timeline);
        var cell = (Width: tw, Height: th + Band);
        var labels = new List<string>();
        for (var shot = 0; shot < shots; shot++)
        {
            var textFile = Path.Combine(plan.Folder, $"label-{shot:D4}.txt");
            var at = TimeSpan.FromSeconds((double)plan.ShotFrames[shot] / timeline.Fps);
            await File.WriteAllTextAsync(textFile, string.Create(CultureInfo.InvariantCulture,
                $"{shot + 1}. {timeline.Clips[shot].ShotId}  {(int)at.TotalMinutes}:{at.Seconds:00}"), cancellationToken);
            var (x, y) = (Gap + (shot % Columns * (cell.Width + Gap)) + 6, Gap + (shot / Columns * (cell.Height + Gap)) + th + 5);
            labels.Add($"drawtext={AnimaticRenderer.FontOption(font)}:textfile={OptionValue(textFile)}:expansion=none" +
                $":fontsize={Number(Band - 10)}:fontcolor=white:x={Number(x)}:y={Number(y)}");
        }

        var graph = $"pad=iw:ih+{Number(Band)}:0:0:color=0x202020," +
            $"tile={Number(columns)}x{Number(rows)}:padding={Number(Gap)}:margin={Number(Gap)}:color=0x101010," + string.Join(",", labels);
        await runner.RunAsync(
            ["-y", "-framerate", "1", "-start_number", "0", "-i", plan.Thumbnails, "-vf", graph, "-frames:v", "1", "-q:v", "3", "-update", "1", "-f", "image2", output],
            null, cancellationToken);
    }

    /// <summary>The thumbnail size the chunks scale to: the long side <see cref="ExtrasPlan.ThumbnailSide"/>, the other even.</summary>
    public static (int Width, int Height) ThumbnailSize(FilmTimeline timeline)
    {
        var (w, h) = (timeline.Size.Width, timeline.Size.Height);
        var side = ExtrasPlan.ThumbnailSide;
        return w >= h ? (side, Math.Max(2, (int)Math.Round((double)h * side / w / 2) * 2)) : (Math.Max(2, (int)Math.Round((double)w * side / h / 2) * 2), side);
    }
}
