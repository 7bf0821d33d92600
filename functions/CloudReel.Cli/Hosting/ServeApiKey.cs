using System.Security.Cryptography;
using CloudReel.Api;
using Microsoft.Extensions.Configuration;

namespace CloudReel.Cli.Hosting;

/// <summary>
/// The API key of `cloudreel serve`: Api:Key from configuration (CLOUDREEL__API__KEY), else a key made
/// once and kept in the CloudReel home (api-key, readable by its owner only). Never printed or logged.
/// </summary>
public static class ServeApiKey
{
    public const string FileName = "api-key";

    public static (string Key, string Source) Resolve(IConfiguration configuration, CloudReelHome home)
    {
        if (configuration[$"{ApiOptions.Section}:Key"] is { Length: > 0 } configured) return (configured, "configuration (Api:Key)");

        var path = Path.Combine(home.Root, FileName);
        if (!File.Exists(path))
        {
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var writer = new StreamWriter(path, options);
            writer.Write(key);
        }

        return (File.ReadAllText(path).Trim(), path);
    }
}
