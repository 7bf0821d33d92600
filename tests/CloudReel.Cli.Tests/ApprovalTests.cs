using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests;

/// <summary>The storyboard approval gate: a render waits, `cloudreel approve` in another process lets it go on.</summary>
public sealed class ApprovalTests : IDisposable
{
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task Render_WithApprovalGate_WaitsForApproveFromAnotherProcessThenFinishes()
    {
        var order = _workspace.Write("order.yaml", ApprovalOrder);
        using var render = _workspace.Cli.Start("render", order, "-o", _workspace.Out);
        var stdout = new LineReader(render);
        var filmId = await stdout.WaitForAsync("film: ");
        await stdout.WaitForAsync("stage: approval");
        File.Exists(Path.Combine(_workspace.FilmFolder(filmId), "storyboard.yaml")).Should().BeTrue("the storyboard is written before the gate");
        Directory.Exists(Path.Combine(_workspace.Cli.Home, "store", "clips")).Should().BeFalse("no shot is made before approval");

        var approve = await _workspace.Cli.RunAsync("approve", filmId, "--by", "tourism-bureau");

        approve.ExitCode.Should().Be(0, approve.ToString());
        approve.Stdout.Should().Contain("approved");
        await render.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        var rest = await stdout.RestAsync();
        render.ExitCode.Should().Be(0, rest);
        rest.Should().Contain("Film ready", "the waiting render itself carries the film on");
        File.Exists(Path.Combine(_workspace.FilmFolder(filmId), "approval-film.16x9.mp4")).Should().BeTrue();
    }

    [Fact]
    public async Task Approve_Reject_StopsTheFilmBeforeAnyShot()
    {
        var order = _workspace.Write("order.yaml", ApprovalOrder);
        using var render = _workspace.Cli.Start("render", order, "-o", _workspace.Out);
        var stdout = new LineReader(render);
        var filmId = await stdout.WaitForAsync("film: ");
        await stdout.WaitForAsync("stage: approval");

        var reject = await _workspace.Cli.RunAsync("approve", filmId, "--reject", "--comment", "too dark");

        reject.ExitCode.Should().Be(0, reject.ToString());
        await render.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        render.ExitCode.Should().Be(1);
        (await render.StandardError.ReadToEndAsync()).Should().Contain("rejected").And.Contain("too dark");
        Directory.Exists(Path.Combine(_workspace.Cli.Home, "store", "clips")).Should().BeFalse();
    }

    [Fact]
    public async Task Approve_WhenNoRenderIsRunning_CarriesTheFilmOnItself()
    {
        var order = _workspace.Write("order.yaml", ApprovalOrder);
        using var render = _workspace.Cli.Start("render", order, "-o", _workspace.Out);
        var stdout = new LineReader(render);
        var filmId = await stdout.WaitForAsync("film: ");
        await stdout.WaitForAsync("stage: approval");
        render.Kill(entireProcessTree: true);
        await render.WaitForExitAsync();

        var approve = await _workspace.Cli.RunAsync("approve", filmId);

        approve.ExitCode.Should().Be(0, approve.ToString());
        approve.Stdout.Should().Contain("Film ready");
    }

    [Fact]
    public async Task Approve_TwoAnswersAtOnce_TheFirstStandsAndTheOtherIsRefused()
    {
        var order = _workspace.Write("order.yaml", ApprovalOrder);
        using var render = _workspace.Cli.Start("render", order, "-o", _workspace.Out);
        var stdout = new LineReader(render);
        var filmId = await stdout.WaitForAsync("film: ");
        await stdout.WaitForAsync("stage: approval");

        var answers = await Task.WhenAll(
            _workspace.Cli.RunAsync("approve", filmId, "--reject", "--by", "reviewer-a"),
            _workspace.Cli.RunAsync("approve", filmId, "--by", "reviewer-b"));

        answers.Count(a => a.ExitCode == 0).Should().Be(1, string.Join("\n---\n", answers.Select(a => a.ToString())));
        answers.Single(a => a.ExitCode != 0).ExitCode.Should().Be(2);
        render.Kill(entireProcessTree: true);
        await render.WaitForExitAsync();
    }

    public void Dispose() => _workspace.Dispose();

    private const string ApprovalOrder = """
        title: Approval Film
        resolution: 180p
        approval: {required: true, timeoutHours: 1}
        shots:
          - {id: one, prompt: First shot, seconds: 1}
          - {id: two, prompt: Second shot, seconds: 1}
        """;
}
