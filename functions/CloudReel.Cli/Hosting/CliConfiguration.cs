using Microsoft.Extensions.Configuration;

namespace CloudReel.Cli.Hosting;

/// <summary>
/// Configuration the .NET way, later sources winning: appsettings.json beside the binary,
/// appsettings.json in the CloudReel home, then environment variables prefixed CLOUDREEL__ with
/// "__" between sections (CLOUDREEL__MODELS__KLING__ACCESSKEY is Models:Kling:AccessKey).
/// Values are read into options classes and never logged.
/// </summary>
public static class CliConfiguration
{
    public const string EnvironmentPrefix = "CLOUDREEL__";

    public static IConfiguration Build(CloudReelHome home) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
        .AddJsonFile(Path.Combine(home.Root, "appsettings.json"), optional: true, reloadOnChange: false)
        .AddEnvironmentVariables(EnvironmentPrefix)
        .Build();
}
