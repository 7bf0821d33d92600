namespace CloudReel.Media.Ffmpeg;

/// <summary>
/// Where ffmpeg and ffprobe live: <c>FFMPEG_PATH</c> / <c>FFPROBE_PATH</c> when set, else the PATH.
/// </summary>
public sealed record FfmpegTools(string FfmpegPath, string FfprobePath)
{
    public const string NotFoundMessage =
        "FFmpeg was not found. Run infra/scripts/install-prereqs.sh (or apt-get install ffmpeg)";

    /// <summary>Locates both tools from the process environment.</summary>
    public static FfmpegTools Locate() => Locate(Environment.GetEnvironmentVariable);

    /// <summary>Locates both tools from the given environment; throws <see cref="FfmpegNotFoundException"/>.</summary>
    public static FfmpegTools Locate(Func<string, string?> environment)
    {
        var path = environment("PATH");
        var ffmpeg = ExecutableSearch.Find("ffmpeg", environment("FFMPEG_PATH"), path);
        var ffprobe = ExecutableSearch.Find("ffprobe", environment("FFPROBE_PATH"), path);
        if (ffmpeg is null || ffprobe is null)
        {
            var missing = ffmpeg is null ? "ffmpeg" : "ffprobe";
            throw new FfmpegNotFoundException($"{NotFoundMessage} (looked for {missing} in FFMPEG_PATH/FFPROBE_PATH and PATH).");
        }

        return new FfmpegTools(ffmpeg, ffprobe);
    }
}

/// <summary>ffmpeg or ffprobe is not installed where CloudReel looks for it.</summary>
public sealed class FfmpegNotFoundException(string message) : Exception(message);
