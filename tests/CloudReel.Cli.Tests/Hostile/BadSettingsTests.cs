using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests.Hostile;

/// <summary>A setting out of range stops the command before anything is spent, each failure named by its setting, without a stack trace.</summary>
public sealed class BadSettingsTests : IDisposable
{
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task Render_SettingsOutOfRange_RefusedAtStartNamingEverySetting()
    {
        var order = _workspace.Write("film.yaml", "title: T\nmodel: animatic\nshots:\n  - {prompt: a red kite, seconds: 1}\n");
        _workspace.Cli.Environment["CLOUDREEL__MODELS__KLING__RESILIENCE__MAXRETRIES"] = "99";
        _workspace.Cli.Environment["CLOUDREEL__ASSEMBLY__CRF"] = "80";
        _workspace.Cli.Environment["CLOUDREEL__EVENTS__WEBHOOKS__0__URL"] = "https://hooks.example.test/cloudreel";

        var result = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("Settings are not valid")
            .And.Contain("Models:Kling").And.Contain("MaxRetries")
            .And.Contain("Crf")
            .And.Contain("Events").And.Contain("Secret")
            .And.NotContain("Unhandled exception").And.NotContain("   at ");
        Directory.Exists(_workspace.Out).Should().BeFalse("nothing was made");
    }

    [Fact]
    public async Task Models_SettingsInRange_StartsAsUsual()
    {
        _workspace.Cli.Environment["CLOUDREEL__MODELS__KLING__RESILIENCE__MAXRETRIES"] = "5";
        _workspace.Cli.Environment["CLOUDREEL__ASSEMBLY__CRF"] = "23";

        var result = await _workspace.Cli.RunAsync("models");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("animatic");
    }

    public void Dispose() => _workspace.Dispose();
}
