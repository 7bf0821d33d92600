using CloudReel.Cli.Tests.Faults;
using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests.Hostile;

/// <summary>
/// Chaos: a small film on a paid (fake) service, its process killed at random moments again and again
/// (a bounded number of times), each time carried on with `resume`. Every run must end with the film
/// complete and no job sent to the service twice for the same shot.
/// </summary>
public sealed class ChaosTests : IAsyncLifetime, IDisposable
{
    private const int Kills = 6;
    private readonly Workspace _workspace = new();
    private ServiceFakes _fakes = null!;

    public async Task InitializeAsync() => _fakes = await ServiceFakes.StartAsync();

    [Fact]
    public async Task RenderKilledAtRandomMomentsAndResumed_EndsComplete_WithNoShotPaidTwice()
    {
        foreach (var (name, value) in _fakes.Environment(planner: false)) _workspace.Cli.Environment[name] = value;
        var order = _workspace.Write("order.yaml", FaultOrders.Of([], null, ("a", "kling", 5), ("b", "kling", 5), ("c", "kling", 10)));
        var random = new Random(Environment.TickCount);
        var moments = new List<int>();

        string? filmId = null;
        for (var kill = 0; kill < Kills; kill++)
        {
            using var run = filmId is null ? _workspace.Cli.Start("render", order, "-o", _workspace.Out) : _workspace.Cli.Start("resume", filmId);
            var output = new LineReader(run);
            filmId ??= await output.WaitForAsync("film: ");
            var moment = random.Next(200, 3000);
            moments.Add(moment);
            await Task.WhenAny(run.WaitForExitAsync(), Task.Delay(moment));
            if (run.HasExited) break;
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }

        var last = await _workspace.Cli.RunAsync("resume", filmId!);

        var story = $"killed after {string.Join(", ", moments)} ms\n{last}";
        last.ExitCode.Should().Be(0, story);
        last.Stdout.Should().Contain("Film ready", story);
        _fakes.Kling.JobsCreated.Should().Be(3, "each of the three shots is paid for once: " + story);
    }

    public async Task DisposeAsync() => await _fakes.DisposeAsync();

    public void Dispose() => _workspace.Dispose();
}
