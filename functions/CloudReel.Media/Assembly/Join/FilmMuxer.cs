using System.Text;
using CloudReel.Media.Ffmpeg;

namespace CloudReel.Media.Assembly.Join;

/// <summary>
/// Joins a film's video pieces and its sound into the delivered MP4 without re-encoding: the concat
/// demuxer over the pieces, stream copy of both tracks, the title and the implicit AI-content label
/// as metadata, and faststart (the index first, so playback starts while the file downloads).
/// </summary>
internal sealed class FilmMuxer(FfmpegRunner runner)
{
    /// <summary>
    /// Joins <paramref name="pieces"/> and <paramref name="sound"/> into <paramref name="output"/>; with <paramref name="fastStart"/> the
    /// index goes first, for web playback (an editor's master skips that extra pass over the file). A <paramref name="comment"/> goes
    /// into the metadata too (a draft says what it is there).
    /// </summary>
    public async Task MuxAsync(
        IReadOnlyList<string> pieces, string sound, string title, string? implicitLabel, string output, IProgress<FfmpegProgress>? progress,
        CancellationToken cancellationToken, bool fastStart = true, string? comment = null)
    {
        var list = output + ".pieces.txt";
        await File.WriteAllTextAsync(list, ConcatList(pieces), new UTF8Encoding(false), cancellationToken);
        List<string> arguments =
        [
            "-y", "-f", "concat", "-safe", "0", "-i", list, "-i", sound,
            "-map", "0:v:0", "-map", "1:a:0", "-c", "copy", "-map_metadata", "-1", "-metadata", $"title={title}",
        ];
        if (implicitLabel is not null) arguments.AddRange(["-metadata", $"{Core.Timeline.AigcLabel.FieldName}={implicitLabel}"]);
        if (comment is not null) arguments.AddRange(["-metadata", $"comment={comment}"]);
        // use_metadata_tags writes keys the iTunes set lacks, such as AIGC, into the file.
        arguments.AddRange(["-movflags", fastStart ? "+faststart+use_metadata_tags" : "+use_metadata_tags", "-f", "mp4", output + ".partial"]);
        await runner.RunAsync(arguments, progress, cancellationToken);
        File.Move(output + ".partial", output, overwrite: true);
        File.Delete(list);
    }

    /// <summary>A concat demuxer list; every path is quoted, with its quotes escaped the way the demuxer reads them.</summary>
    public static string ConcatList(IEnumerable<string> pieces) =>
        string.Concat(pieces.Select(p => "file '" + Path.GetFullPath(p).Replace("'", "'\\''", StringComparison.Ordinal) + "'\n"));
}
