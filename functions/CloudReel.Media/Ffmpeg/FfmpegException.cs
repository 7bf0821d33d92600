namespace CloudReel.Media.Ffmpeg;

/// <summary>An FFmpeg tool exited with an error; carries the exit code and the end of its stderr.</summary>
public sealed class FfmpegException(string tool, int exitCode, IReadOnlyList<string> stderrTail)
    : Exception(Describe(tool, exitCode, stderrTail))
{
    public string Tool { get; } = tool;

    public int ExitCode { get; } = exitCode;

    public IReadOnlyList<string> StderrTail { get; } = stderrTail;

    private static string Describe(string tool, int exitCode, IReadOnlyList<string> tail) =>
        tail.Count == 0
            ? $"{tool} failed with exit code {exitCode} and printed nothing on stderr."
            : $"{tool} failed with exit code {exitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, tail)}";
}
