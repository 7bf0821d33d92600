using CloudReel.Api;
using CloudReel.Functions.Hosting;
using CloudReel.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudReel.Functions.Tests;

/// <summary>The app's API settings are bound and checked as the host starts: a value out of range stops it, naming the value.</summary>
public sealed class ApiCompositionTests
{
    [Fact]
    public async Task AddCloudReelApi_SettingOutOfRange_StopsTheHostAtStartNamingIt()
    {
        using var host = Host(new() { ["Api:LinkLifetimeHours"] = "500", ["Api:QueuedAssemblyTimeoutMinutes"] = "0" });

        var start = () => host.StartAsync();

        var failure = (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
        failure.OptionsType.Should().Be<ApiOptions>();
        string.Join("; ", failure.Failures).Should().Contain("LinkLifetimeHours").And.Contain("QueuedAssemblyTimeoutMinutes");
    }

    [Fact]
    public async Task AddCloudReelApi_NothingSet_StartsWithTheDocumentedDefaultsAndAnHourForTheAssembler()
    {
        using var host = Host([]);

        await host.StartAsync();
        var options = host.Services.GetRequiredService<ApiOptions>();
        await host.StopAsync();

        (options.LinkLifetimeHours, options.MaxOrderBytes, options.QueuedAssemblyTimeout).Should().Be((24.0, 1024 * 1024, TimeSpan.FromHours(1)));
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCloudReelApi().AddCloudReel(builder.Configuration);
        return builder.Build();
    }
}
