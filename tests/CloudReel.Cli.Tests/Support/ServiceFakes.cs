using System.Text.Json.Nodes;
using CloudReel.Testing.Fakes;

namespace CloudReel.Cli.Tests.Support;

/// <summary>
/// A fake of every video service (and Azure OpenAI chat) on 127.0.0.1, and the configuration that
/// points CloudReel at them: as appsettings.json in a CloudReel home, or as CLOUDREEL__ environment
/// variables for a child process. Retries, timeouts and polls are short so the suite stays quick.
/// </summary>
internal sealed class ServiceFakes : IAsyncDisposable
{
    public const string KlingSecret = "kling-secret-do-not-leak-7f3a";
    public const string AzureKey = "azure-key-do-not-leak-91c2";
    public const string ViduKey = "vidu-key-do-not-leak-55e1";

    public FakeKling Kling { get; } = new("kling-access", KlingSecret);

    public FakeVidu Vidu { get; } = new(ViduKey);

    public FakeArk Ark { get; } = new("ark-key");

    public FakeZhipu Zhipu { get; } = new("zhipu-key");

    public FakeAzureOpenAI Azure { get; } = new(AzureKey);

    public FakeComfyUI Comfy { get; } = new();

    public IEnumerable<FakeService> All => [Kling, Vidu, Ark, Zhipu, Azure, Comfy];

    public static async Task<ServiceFakes> StartAsync()
    {
        var fakes = new ServiceFakes();
        foreach (var fake in fakes.All) await fake.StartAsync();
        return fakes;
    }

    /// <summary>Every setting, by configuration path ("Models:Kling:AccessKey").</summary>
    public Dictionary<string, string> Settings(bool planner = false)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Models:AzureOpenAI:Endpoint"] = Azure.Endpoint,
            ["Models:AzureOpenAI:ApiKey"] = AzureKey,
            ["Models:Kling:AccessKey"] = Kling.AccessKey,
            ["Models:Kling:SecretKey"] = KlingSecret,
            ["Models:Kling:BaseUrl"] = Kling.Root,
            ["Models:Vidu:ApiKey"] = ViduKey,
            ["Models:Vidu:BaseUrl"] = Vidu.BaseUrl,
            ["Models:Seedance:ApiKey"] = "ark-key",
            ["Models:Seedance:BaseUrl"] = Ark.BaseUrl,
            ["Models:CogVideoX:ApiKey"] = "zhipu-key",
            ["Models:CogVideoX:BaseUrl"] = Zhipu.BaseUrl,
            ["Models:ComfyUI:BaseUrl"] = Comfy.Root,
        };
        foreach (var section in new[] { "AzureOpenAI:Sora2", "AzureOpenAI:Sora1", "Kling", "Vidu", "Seedance", "CogVideoX", "ComfyUI" })
        {
            settings[$"Models:{section}:PollIntervalSeconds"] = "0.05";
            settings[$"Models:{section}:JobTimeoutMinutes"] = "1";
            settings[$"Models:{section}:Resilience:BaseDelaySeconds"] = "0.01";
            settings[$"Models:{section}:Resilience:MaxDelaySeconds"] = "0.05";
            settings[$"Models:{section}:Resilience:MaxRetryAfterSeconds"] = "3";
            // Long enough for a loaded machine's first submit of seven at once (1 s lost Sora 2's), short of the 10 s hang faults.
            settings[$"Models:{section}:Resilience:SubmitTimeoutSeconds"] = "3";
            settings[$"Models:{section}:Resilience:QueryTimeoutSeconds"] = "2";
            settings[$"Models:{section}:Resilience:LookupDelaySeconds"] = "0.05";
        }

        if (planner) settings["Planner:Deployment"] = "gpt-4o-mini";
        return settings;
    }

    /// <summary>Writes the settings as the home's appsettings.json.</summary>
    public void WriteAppSettings(string home, bool planner = false)
    {
        var root = new JsonObject();
        foreach (var (path, value) in Settings(planner))
        {
            var node = root;
            var parts = path.Split(':');
            foreach (var part in parts[..^1]) node = (JsonObject)(node[part] ??= new JsonObject());
            node[parts[^1]] = value;
        }

        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, "appsettings.json"), root.ToJsonString());
    }

    /// <summary>The settings as environment variables for a child process (CLOUDREEL__MODELS__KLING__ACCESSKEY).</summary>
    public Dictionary<string, string> Environment(bool planner = false) =>
        Settings(planner).ToDictionary(s => "CLOUDREEL__" + s.Key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant(), s => s.Value);

    public async ValueTask DisposeAsync()
    {
        foreach (var fake in All) await fake.DisposeAsync();
    }
}
