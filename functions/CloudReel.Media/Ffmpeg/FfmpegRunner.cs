using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CloudReel.Media.Ffmpeg;

/// <summary>What a successful ffmpeg run left behind: the last progress report and the end of stderr.</summary>
public sealed record FfmpegRunResult(FfmpegProgress? LastProgress, IReadOnlyList<string> StderrTail);

/// <summary>
/// Runs ffmpeg and ffprobe with argument lists. Every ffmpeg run reports progress through
/// <c>-progress pipe:1</c>; cancellation kills the process; a non-zero exit raises
/// <see cref="FfmpegException"/> with the exit code and the last lines of stderr.
/// </summary>
public sealed class FfmpegRunner(FfmpegTools tools, ILogger<FfmpegRunner> logger)
{
    private static readonly string[] CommonFfmpegArguments =
        ["-hide_banner", "-nostdin", "-nostats", "-loglevel", "warning", "-progress", "pipe:1"];

    private Task<string>? _version;

    public FfmpegTools Tools => tools;

    /// <summary>Test hook: sees each process right after it starts.</summary>
    internal Action<Process>? ProcessStarted { get; set; }

    /// <summary>
    /// Runs ffmpeg. The runner adds <c>-hide_banner -nostdin -nostats -loglevel warning -progress pipe:1</c>
    /// in front of <paramref name="arguments"/>; a later <c>-loglevel</c>/<c>-v</c> overrides the level.
    /// </summary>
    public Task<FfmpegRunResult> RunAsync(
        IReadOnlyList<string> arguments,
        IProgress<FfmpegProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(arguments, progress, onStderrLine: null, cancellationToken);

    /// <summary>Runs ffmpeg and hands every line it writes on stderr to <paramref name="onStderrLine"/> (for filters that report there, e.g. loudnorm).</summary>
    public async Task<FfmpegRunResult> RunAsync(
        IReadOnlyList<string> arguments,
        IProgress<FfmpegProgress>? progress,
        Action<string>? onStderrLine,
        CancellationToken cancellationToken = default)
    {
        string[] all = [.. CommonFfmpegArguments, .. arguments];
        var parser = new FfmpegProgressParser();
        var exit = await RunToolAsync("ffmpeg", tools.FfmpegPath, all, line =>
        {
            if (parser.Feed(line) is { } report) progress?.Report(report);
        }, onStderrLine, cancellationToken);
        return new FfmpegRunResult(parser.Last, exit.StderrTail);
    }

    /// <summary>What <c>ffmpeg -version</c> prints (the build and its libraries' versions), asked once per runner.</summary>
    public Task<string> VersionAsync() => _version ??= AskVersionAsync();

    private async Task<string> AskVersionAsync()
    {
        var stdout = new System.Text.StringBuilder();
        await RunToolAsync("ffmpeg", tools.FfmpegPath, ["-hide_banner", "-version"], line => stdout.AppendLine(line), null, CancellationToken.None);
        return stdout.ToString();
    }

    /// <summary>Runs ffprobe and returns what it printed on stdout.</summary>
    public async Task<string> ProbeAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var stdout = new System.Text.StringBuilder();
        await RunToolAsync("ffprobe", tools.FfprobePath, ["-hide_banner", .. arguments], line => stdout.AppendLine(line), null, cancellationToken);
        return stdout.ToString();
    }

    private async Task<ToolExit> RunToolAsync(
        string tool, string executable, IReadOnlyList<string> arguments, Action<string> onStdoutLine, Action<string>? onStderrLine, CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Running {Tool} {Arguments}", tool, string.Join(' ', arguments.Select(QuoteForLog)));
        }

        var exit = await ToolProcess.RunAsync(executable, arguments, onStdoutLine, ProcessStarted, cancellationToken, onStderrLine);
        if (exit.ExitCode != 0)
        {
            logger.LogWarning("{Tool} exited with code {ExitCode}", tool, exit.ExitCode);
            throw new FfmpegException(tool, exit.ExitCode, exit.StderrTail);
        }

        return exit;
    }

    // For people reading logs only; the process gets the list, never this string.
    private static string QuoteForLog(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=+,".Contains(c, StringComparison.Ordinal))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
