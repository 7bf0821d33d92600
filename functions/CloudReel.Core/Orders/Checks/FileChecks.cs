using System.Globalization;
using CloudReel.Core.Intake;
using CloudReel.Core.Media;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Orders;

/// <summary>
/// Checks that the files an order names exist, are files it may use, and are not too large, through <see cref="IOrderFiles"/>;
/// where their content can be read (<see cref="IOrderSource"/>), that each picture, sound file and video clip is what it claims to be,
/// by its first bytes and, with a <see cref="IMediaFileProbe"/>, read through.
/// </summary>
internal static class FileChecks
{
    public static async Task RunAsync(CheckContext context, IOrderFiles files, IMediaFileProbe? probe, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<string, long?>(StringComparer.Ordinal);
        var contentProblems = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (field, path) in context.Order.ReferencedFiles())
        {
            // Written as {file: ...}: point at the file, not the mapping.
            var at = context.Index.Has(FieldPath.Child(field, "file")) ? FieldPath.Child(field, "file") : field;
            long? size;
            try
            {
                if (!sizes.TryGetValue(path, out size))
                {
                    size = await files.GetSizeAsync(path, cancellationToken);
                    sizes[path] = size;
                }
            }
            catch (OrderFileRefusedException refused)
            {
                context.Report(at, refused.Message);
                continue;
            }

            var type = TypeOf(field);
            if (size is null && RemoteImages.IsUrl(path)) context.Report(at, $"the image at {path} was not fetched with the order");
            else if (size is null) context.Report(at, $"file not found: {path} (relative to the order file)");
            else if (size > type.MaxBytes) context.Report(at, $"{path} is {Megabytes(size.Value)}; at most {Megabytes(type.MaxBytes)} is allowed here");
            else if (files is IOrderSource source && KindOf(type) is { } kind && !RemoteImages.IsUrl(path))
            {
                if (!contentProblems.TryGetValue(path, out var problem))
                {
                    problem = await ContentProblemAsync(source, path, size.Value, kind, probe, cancellationToken);
                    contentProblems[path] = problem;
                }

                if (problem is not null) context.Report(at, problem);
            }
        }
    }

    /// <summary>Why the picture or sound file at <paramref name="path"/> cannot be used, or null when it reads as what it claims to be.</summary>
    private static async Task<string?> ContentProblemAsync(IOrderSource source, string path, long size, MediaFileKind kind, IMediaFileProbe? probe, CancellationToken cancellationToken)
    {
        if (size == 0) return $"{path} is empty";
        var start = new byte[MediaSniffer.BytesNeeded];
        int read;
        await using (var content = await source.OpenReadAsync(path, cancellationToken))
        {
            if (content is null) return $"file not found: {path} (relative to the order file)";
            read = await content.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
        }

        var head = start.AsSpan(0, read);
        if (kind == MediaFileKind.Picture && MediaSniffer.ImageTypeOf(head) is null) return $"{path} is not a PNG, JPEG or WebP picture, whatever its name says";
        if (kind == MediaFileKind.Sound && MediaSniffer.AudioTypeOf(head) is null) return $"{path} is not an MP3, M4A, AAC, WAV, FLAC or Ogg sound file, whatever its name says";
        if (kind == MediaFileKind.Video && MediaSniffer.VideoTypeOf(head) is null) return $"{path} is not an MP4, MOV or WebM video, whatever its name says";
        if (probe is null) return null;

        await using var whole = await source.OpenReadAsync(path, cancellationToken);
        return whole is null ? $"file not found: {path} (relative to the order file)" : await probe.ProblemWithAsync(whole, kind, cancellationToken) is { } unreadable ? $"{path} {unreadable}" : null;
    }

    private static MediaFileKind? KindOf(PathType type) =>
        type.Noun == OrderFormat.Image.Noun ? MediaFileKind.Picture
        : type.Noun == OrderFormat.Music.Noun ? MediaFileKind.Sound
        : type.Noun == OrderFormat.Video.Noun ? MediaFileKind.Video
        : null;

    internal static PathType TypeOf(string field) => field switch
    {
        "music" => OrderFormat.Music,
        "logo" => OrderFormat.Logo,
        "script" => OrderFormat.Script,
        "workflow" => OrderFormat.Workflow,
        _ when field.EndsWith(".voiceover", StringComparison.Ordinal) => OrderFormat.VoiceOver,
        _ when field.EndsWith(".clip", StringComparison.Ordinal) => OrderFormat.Video,
        _ => OrderFormat.Image,
    };

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}
