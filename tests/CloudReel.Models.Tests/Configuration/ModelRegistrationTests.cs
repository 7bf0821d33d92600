using CloudReel.Core.Models;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;
using CloudReel.Core.Quality;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Images;
using CloudReel.Models.Configuration;
using CloudReel.Models.Judging;
using CloudReel.Models.Planning;
using CloudReel.Models.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Models.Tests.Configuration;

/// <summary>Models and the planner configured the .NET way: sections, environment variables, defaults.</summary>
public sealed class ModelRegistrationTests : IDisposable
{
    private readonly AdapterKit _kit = new();

    [Fact]
    public void AddVideoServices_NothingConfigured_ListsEveryServiceAsUnconfiguredWithWhatToSet()
    {
        var catalog = Catalog([]);

        catalog.All.Select(m => m.Capabilities.Name).Should().Equal("cogvideox", "comfyui", "kling", "seedance", "sora-1", "sora-2", "vidu");
        catalog.All.Should().OnlyContain(m => !m.IsConfigured && m.SetupHint != null);
        catalog.UnconfiguredModels()["kling"].Should().Contain("CLOUDREEL__MODELS__KLING__ACCESSKEY");
        catalog.CapabilitiesByName().Should().BeEmpty("a model without its keys cannot be ordered");
    }

    [Fact]
    public void AddVideoServices_EnvironmentVariables_ConfigureTheModelAndOverrideItsPrice()
    {
        Environment.SetEnvironmentVariable("CLOUDREEL__MODELS__VIDU__APIKEY", "from-the-environment");
        Environment.SetEnvironmentVariable("CLOUDREEL__MODELS__VIDU__PRICEPERSECOND", "0.07");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables("CLOUDREEL__").Build();
            var catalog = CatalogFrom(configuration);

            var vidu = catalog.Find("vidu")!;
            vidu.IsConfigured.Should().BeTrue();
            vidu.Capabilities.PricePerSecond.Should().Be(0.07m);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CLOUDREEL__MODELS__VIDU__APIKEY", null);
            Environment.SetEnvironmentVariable("CLOUDREEL__MODELS__VIDU__PRICEPERSECOND", null);
        }
    }

    [Fact]
    public void AddVideoServices_DocumentedDefaults_PriceAndLimitEachService()
    {
        var catalog = Catalog(new()
        {
            ["Models:AzureOpenAI:Endpoint"] = "https://cloudreel-east.openai.azure.com",
            ["Models:AzureOpenAI:ApiKey"] = "k",
            ["Models:Kling:Mode"] = "pro",
        });

        var sora2 = catalog.Find("sora-2")!.Capabilities;
        var sora1 = catalog.Find("sora-1")!.Capabilities;
        sora2.PricePerSecond.Should().Be(0.10m);
        sora2.Sizes.Select(s => s.ToString()).Should().Equal("1280x720", "720x1280");
        (sora2.ConcurrencyGroup, sora2.MaxConcurrentJobs).Should().Be(("azure-openai:cloudreel-east.openai.azure.com", 2), "two jobs per resource");
        sora1.ConcurrencyGroup.Should().Be(sora2.ConcurrencyGroup, "Sora 1 and Sora 2 share the resource's job slots");
        catalog.Find("kling")!.Capabilities.PricePerSecond.Should().Be(0.07m, "v2.5-turbo pro: 2.5 units per 5 s at 0.14 USD");
        catalog.Find("comfyui")!.Capabilities.ResubmitIsFree.Should().BeTrue();
        catalog.Find("seedance")!.Capabilities.ResubmitIsFree.Should().BeFalse();
    }

    [Fact]
    public void Options_ToString_NeverShowsAKey()
    {
        var options = new KlingOptions { AccessKey = "ak-visible?", SecretKey = "sk-secret-123" };
        var azure = new AzureOpenAIOptions { ApiKey = "azure-secret-456" };

        $"{options} {azure} {azure.Sora2}".Should().NotContain("sk-secret-123").And.NotContain("azure-secret-456");
    }

    [Fact]
    public void AddShotPlanner_WithAndWithoutAChatDeployment_PicksTheLanguageModelOrTheRules()
    {
        var rules = Provider([]).GetRequiredService<IShotPlanner>();
        var chat = Provider(new()
        {
            ["Models:AzureOpenAI:Endpoint"] = "https://cloudreel-east.openai.azure.com",
            ["Models:AzureOpenAI:ApiKey"] = "k",
            ["Planner:Deployment"] = "gpt-4o-mini",
        }).GetRequiredService<IShotPlanner>();

        rules.Should().BeOfType<RuleBasedShotPlanner>();
        chat.Should().BeOfType<AzureOpenAIShotPlanner>().Which.Name.Should().Be("azure-openai (gpt-4o-mini)");
    }

    [Fact]
    public void AddShotJudge_WithAndWithoutAVisionDeployment_RegistersTheJudgeOrNone()
    {
        var none = Provider([]).GetService<IShotJudge>();
        var judge = Provider(new()
        {
            ["Models:AzureOpenAI:Endpoint"] = "https://cloudreel-east.openai.azure.com",
            ["Models:AzureOpenAI:ApiKey"] = "k",
            ["Judge:Deployment"] = "gpt-4o",
        }).GetService<IShotJudge>();

        none.Should().BeNull("without Judge:Deployment no clip is judged");
        judge.Should().BeOfType<AzureOpenAIShotJudge>().Which.Name.Should().Be("azure-openai (gpt-4o)");
    }

    public void Dispose() => _kit.Dispose();

    private IVideoModelCatalog Catalog(Dictionary<string, string?> settings) => CatalogFrom(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private IVideoModelCatalog CatalogFrom(IConfiguration configuration) => new VideoModelCatalog(ProviderFrom(configuration).GetServices<IVideoModel>());

    private ServiceProvider Provider(Dictionary<string, string?> settings) => ProviderFrom(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private ServiceProvider ProviderFrom(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton<IClipStore>(_kit.Store);
        services.AddSingleton(new FfmpegRunner(FfmpegTools.Locate(), NullLogger<FfmpegRunner>.Instance));
        services.AddSingleton<IImageFitter, FfmpegImageFitter>();
        services.AddVideoServices(configuration).AddShotPlanner(configuration).AddShotJudge(configuration);
        return services.BuildServiceProvider();
    }
}
