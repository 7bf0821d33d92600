using CloudReel.Core.Quality;
using CloudReel.Functions.Hosting;
using CloudReel.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudReel.Functions.Tests;

/// <summary>The one composition both homes use: every settings section is checked as the host starts, and what is configured is registered.</summary>
public sealed class CloudReelCompositionTests
{
    [Theory]
    [InlineData("Models:Kling:Resilience:MaxRetries", "99", "Models:Kling", "MaxRetries")]
    [InlineData("Models:AzureOpenAI:Sora2:MaxConcurrentJobs", "0", "Models:AzureOpenAI", "MaxConcurrentJobs")]
    [InlineData("Models:Vidu:Currency", "dollars", "Models:Vidu", "Currency")]
    [InlineData("Judge:MinScore", "3", "Judge", "MinScore")]
    [InlineData("Speech:Azure:Resilience:BreakerFailureRatio", "0", "Speech", "BreakerFailureRatio")]
    [InlineData("Speech:OpenAI:PricePerMillionCharacters", "-1", "Speech", "PricePerMillionCharacters")]
    [InlineData("Speech:OpenAI:BaseUrl", "not an address", "Speech", "BaseUrl")]
    [InlineData("Speech:OpenAI:Model", "tts 1", "Speech", "Model")]
    [InlineData("Events:LinkLifetimeHours", "500", "Events", "LinkLifetimeHours")]
    [InlineData("Events:Webhooks:0:Url", "https://hooks.example.test/a", "Events", "Secret")]
    public async Task AddCloudReel_SettingOutOfRangeOrMissing_StopsTheHostAtStartNamingIt(string setting, string value, string section, string member)
    {
        using var host = Host(new() { [setting] = value });

        var start = () => host.StartAsync();

        var failure = (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
        string.Join("; ", failure.Failures).Should().Contain(section + ":").And.Contain(member);
    }

    [Fact]
    public async Task AddCloudReel_NothingSet_StartsWithEveryDefault()
    {
        using var host = Host([]);

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public void AddCloudReel_VisionDeploymentSet_RegistersTheJudgeTheClipCheckUses()
    {
        var configured = Services(new()
        {
            ["Judge:Deployment"] = "gpt-4o",
            ["Models:AzureOpenAI:Endpoint"] = "https://example.openai.azure.com",
            ["Models:AzureOpenAI:ApiKey"] = "not-a-real-key",
        });
        var unconfigured = Services([]);

        configured.Any(d => d.ServiceType == typeof(IShotJudge)).Should().BeTrue();
        unconfigured.Any(d => d.ServiceType == typeof(IShotJudge)).Should().BeFalse();
    }

    private static IServiceCollection Services(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddCloudReel(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCloudReelApi().AddCloudReel(builder.Configuration);
        return builder.Build();
    }
}
