using CloudReel.Cli.Tests.Support;
using CloudReel.Testing.Fakes;

namespace CloudReel.Cli.Tests;

/// <summary>`cloudreel voices` as a child process: espeak-ng's voices always, Azure AI Speech's once configured (against its fake), never a key.</summary>
public sealed class VoicesEndToEndTests : IAsyncLifetime, IDisposable
{
    private const string Key = "speech-key-not-to-print";
    private readonly Workspace _workspace = new();
    private readonly FakeAzureSpeech _azure = new(Key);

    public Task InitializeAsync() => _azure.StartAsync();

    public async Task DisposeAsync() => await _azure.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Voices_NothingConfigured_ListsEspeakAndSaysWhatAzureNeeds()
    {
        var result = await _workspace.Cli.RunAsync("voices", "--language", "zh");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Split('\n').Should().Contain(l => l.StartsWith("espeak *", StringComparison.Ordinal) && l.Contains("cmn (default)", StringComparison.Ordinal) && l.EndsWith("free", StringComparison.Ordinal));
        result.Stdout.Should().Contain("azure-speech: set Speech:Azure:Region and Speech:Azure:Key");
    }

    [Fact]
    public async Task Voices_AzureConfigured_ListsItsVoicesByLanguageWithStylesAndPrice_AndBecomesTheDefault()
    {
        _workspace.Cli.Environment["CLOUDREEL__SPEECH__AZURE__BASEURL"] = _azure.Root;
        _workspace.Cli.Environment["CLOUDREEL__SPEECH__AZURE__KEY"] = Key;

        var result = await _workspace.Cli.RunAsync("voices");

        result.ExitCode.Should().Be(0, result.ToString());
        var zh = result.Stdout.Split('\n').Single(l => l.StartsWith("azure-speech *", StringComparison.Ordinal) && l.Contains("zh-CN", StringComparison.Ordinal));
        zh.Should().Contain("zh-CN-XiaoxiaoNeural (default) [cheerful, sad, narration-relaxed]").And.Contain("zh-CN-YunxiNeural").And.EndWith("15 USD/1M chars");
        result.Stdout.Should().Contain("(azure-speech)").And.NotContain(Key);
    }
}
