using System.Diagnostics;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Tests.Support;

namespace CloudReel.Media.Tests.Ffmpeg;

public sealed class FfmpegRunnerTests : IDisposable
{
    private readonly TestMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task RunAsync_UnknownOption_ThrowsWithExitCodeAndStderrTail()
    {
        var run = () => _media.Runner.RunAsync(["-no-such-option", "x"]);

        var error = (await run.Should().ThrowAsync<FfmpegException>()).Which;
        error.ExitCode.Should().NotBe(0);
        error.StderrTail.Should().Contain(line => line.Contains("no-such-option", StringComparison.Ordinal));
        error.Message.Should().Contain("exit code").And.Contain("no-such-option");
    }

    [Fact]
    public async Task RunAsync_BrokenFilterGraph_StderrTailNamesTheProblem()
    {
        var run = () => _media.Runner.RunAsync(["-f", "lavfi", "-i", "nosuchsource=d=1", "-f", "null", "-"]);

        var error = (await run.Should().ThrowAsync<FfmpegException>()).Which;
        error.StderrTail.Should().Contain(line => line.Contains("nosuchsource", StringComparison.Ordinal));
        error.StderrTail.Count.Should().BeLessThanOrEqualTo(20);
    }

    [Fact]
    public async Task RunAsync_Encode_ReportsProgressEndingAtTheLastFrame()
    {
        var reports = new List<FfmpegProgress>();

        var result = await _media.Runner.RunAsync(
            ["-y", "-f", "lavfi", "-i", "testsrc2=s=160x90:r=30:d=2", "-c:v", "libx264", "-preset", "ultrafast", _media.PathOf("progress.mp4")],
            new SyncProgress<FfmpegProgress>(reports.Add));

        reports.Should().NotBeEmpty();
        reports[^1].IsEnd.Should().BeTrue();
        reports[^1].Frame.Should().Be(60);
        reports[^1].OutTime.TotalSeconds.Should().BeApproximately(2, 0.05);
        result.LastProgress.Should().Be(reports[^1]);
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheProcessAndThrows()
    {
        using var cancellation = new CancellationTokenSource();
        Process? started = null;
        _media.Runner.ProcessStarted = p => started = p;
        var firstReport = new TaskCompletionSource();

        // -re paces input in real time: without cancellation this would run for ten minutes.
        var run = _media.Runner.RunAsync(
            ["-re", "-f", "lavfi", "-i", "testsrc2=s=160x90:r=30:d=600", "-f", "null", "-"],
            new SyncProgress<FfmpegProgress>(_ => firstReport.TrySetResult()),
            cancellation.Token);
        await firstReport.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var pid = started!.Id;
        await cancellation.CancelAsync();

        await run.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        IsRunning(pid).Should().BeFalse();
    }

    [Fact]
    public async Task ProbeAsync_MissingFile_ThrowsFfmpegException()
    {
        var probe = () => _media.Runner.ProbeAsync(["-v", "error", "-show_format", _media.PathOf("missing.mp4")]);

        (await probe.Should().ThrowAsync<FfmpegException>()).Which.Tool.Should().Be("ffprobe");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
