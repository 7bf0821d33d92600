using System.Text;
using CloudReel.Cli.Tests.Faults;
using CloudReel.Cli.Tests.Support;
using CloudReel.Testing.Fakes;

namespace CloudReel.Cli.Tests;

/// <summary>The cloudreel command as a child process, configured by CLOUDREEL__ environment variables to use the fake services.</summary>
public sealed class ModelsEndToEndTests : IAsyncLifetime, IDisposable
{
    private readonly Workspace _workspace = new();
    private ServiceFakes _fakes = null!;

    public async Task InitializeAsync()
    {
        _fakes = await ServiceFakes.StartAsync();
    }

    [Fact]
    public async Task Models_ServicesConfiguredByEnvironment_ListsEveryModelAsConfiguredWithItsPriceAndNoKey()
    {
        UseFakes();

        var result = await _workspace.Cli.RunAsync("models");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Stdout.Split('\n');
        foreach (var model in new[] { "animatic", "sora-2", "sora-1", "kling", "vidu", "seedance", "cogvideox", "comfyui" })
        {
            lines.Should().Contain(l => l.StartsWith(model + " ", StringComparison.Ordinal) && l.Contains(" yes ", StringComparison.Ordinal), model + " is configured");
        }

        lines.Single(l => l.StartsWith("kling ", StringComparison.Ordinal)).Should().Contain("5, 10 s").And.Contain("0.042 USD/s");
        result.Stdout.Should().NotContain(ServiceFakes.KlingSecret).And.NotContain(ServiceFakes.AzureKey);
    }

    [Fact]
    public async Task Models_NothingConfigured_SaysWhatToSetForEachService()
    {
        var result = await _workspace.Cli.RunAsync("models");

        result.Stdout.Should().Contain("kling: set Models:Kling:AccessKey and Models:Kling:SecretKey").And.Contain("CLOUDREEL__MODELS__VIDU__APIKEY");
    }

    [Fact]
    public async Task RenderDryRun_PrintsEveryShotAndTheTotalAgainstTheBudget_AndSubmitsNothing()
    {
        UseFakes();
        var fits = _workspace.Write("fits.yaml", FaultOrders.Of(["vidu"], 1.00m, ("a", "kling", 5), ("b", "kling", 10)));
        var over = _workspace.Write("over.yaml", FaultOrders.Of([], 0.50m, ("a", "kling", 5), ("b", "kling", 10)));

        var dry = await _workspace.Cli.RunAsync("render", fits, "--dry-run");
        var tooDear = await _workspace.Cli.RunAsync("render", over, "--dry-run");

        dry.ExitCode.Should().Be(0, dry.ToString());
        var rows = dry.Stdout.Split('\n');
        rows.Should().Contain(l => l.StartsWith("a ", StringComparison.Ordinal) && l.Contains("kling → vidu", StringComparison.Ordinal) && l.Contains("1280x720", StringComparison.Ordinal) && l.Contains("new", StringComparison.Ordinal) && l.EndsWith("0.21 USD", StringComparison.Ordinal));
        rows.Should().Contain(l => l.StartsWith("b ", StringComparison.Ordinal) && l.EndsWith("0.42 USD", StringComparison.Ordinal));
        dry.Stdout.Should().Contain("estimated cost 0.63 USD of a 1.00 USD budget");
        tooDear.ExitCode.Should().Be(1, tooDear.ToString());
        tooDear.Stdout.Should().Contain("OVER the budget of 0.50 USD");
        _fakes.All.Sum(f => f.SubmitRequests).Should().Be(0);
        Directory.Exists(_workspace.Out).Should().BeFalse("a dry run renders nothing");
    }

    [Fact]
    public async Task Render_KilledBetweenSubmitAndPoll_ResumePollsTheRecordedJobInsteadOfPayingAgain()
    {
        UseFakes();
        _fakes.Kling.HoldJobs = true;
        var order = _workspace.Write("order.yaml", FaultOrders.Of([], null, ("a", "kling", 5)));
        using var render = _workspace.Cli.Start("render", order, "-o", _workspace.Out);
        var filmId = await new LineReader(render).WaitForAsync("film: ");
        for (var i = 0; i < 600 && _fakes.Kling.Jobs.Values.All(j => j.Polls == 0); i++) await Task.Delay(100);
        render.Kill(entireProcessTree: true);
        await render.WaitForExitAsync();
        _fakes.Kling.ReleaseAll();

        var resumed = await _workspace.Cli.RunAsync("resume", filmId);

        resumed.ExitCode.Should().Be(0, resumed.ToString());
        _fakes.Kling.SubmitRequests.Should().Be(1);
        _fakes.Kling.JobsCreated.Should().Be(1);
        _fakes.Kling.Jobs.Values.Single().Polls.Should().BeGreaterThan(1, "polled before the kill and after the resume");
    }

    [Fact]
    public async Task Render_VerboseRunWithAFallback_NoKeyOrTokenReachesOutputLogsReportsJournalOrStore()
    {
        UseFakes();
        _fakes.Kling.Faults.Add(Operation.Submit, Fault.Moderation());
        var order = _workspace.Write("order.yaml", FaultOrders.Of(["vidu", "sora-2"], null, ("a", "kling", 5), ("b", "sora-2", 4)));

        var result = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out, "-v");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stderr.Should().Contain("kling submit", "the verbose log names the calls it made");
        string[] secrets = [ServiceFakes.KlingSecret, ServiceFakes.AzureKey, ServiceFakes.ViduKey, "Bearer ey", "Token " + ServiceFakes.ViduKey];
        var everything = Directory.GetFiles(_workspace.Root, "*", SearchOption.AllDirectories).Select(f => (f, File.ReadAllBytes(f)))
            .Append(("stdout+stderr", Encoding.UTF8.GetBytes(result.Stdout + result.Stderr)));
        foreach (var (file, bytes) in everything)
        {
            foreach (var secret in secrets)
            {
                bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)).Should().Be(-1, $"{file} must not hold '{secret}'");
            }
        }
    }

    [Fact]
    public async Task Plan_ChatDeploymentConfigured_PlansTheBriefThroughTheLanguageModel()
    {
        UseFakes(planner: true);
        _fakes.Azure.ChatAnswer = _ => """
            {"characters": [{"name": "Ah Ming", "look": "a ferryman in a blue jacket and a straw hat"}],
             "shots": [{"id": "ferry", "prompt": "Ah Ming steers the ferry across the bay", "seconds": 5, "camera": "tracking", "characters": ["Ah Ming"],
                        "captions": [{"language": "en", "text": "The last ferry"}]},
                       {"id": "pier", "prompt": "Ah Ming ties up at the pier", "seconds": 10, "camera": "static", "characters": ["Ah Ming"], "captions": []}]}
            """;
        var brief = _workspace.Write("brief.txt", "The Last Ferry\n\nA ferryman makes his last crossing of the night and ties up at the pier.");

        var result = await _workspace.Cli.RunAsync("plan", brief, "--model", "kling", "--language", "en");

        result.ExitCode.Should().Be(0, result.ToString());
        var planned = File.ReadAllText(Path.Combine(_workspace.Root, "brief.planned.yaml"));
        planned.Should().Contain("id: ferry").And.Contain("id: pier").And.Contain("a ferryman in a blue jacket and a straw hat");
        result.Stdout.Should().Contain("planned by azure-openai (gpt-4o-mini)");
        _fakes.Azure.ChatRequests.Should().ContainSingle();
    }

    public async Task DisposeAsync() => await _fakes.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    private void UseFakes(bool planner = false)
    {
        foreach (var (name, value) in _fakes.Environment(planner)) _workspace.Cli.Environment[name] = value;
    }
}
