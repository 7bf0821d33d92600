namespace CloudReel.Azure.Storage;

/// <summary>
/// A Storage connection string, read the way Azure's SDKs read it: <c>UseDevelopmentStorage=true</c>
/// (Azurite at its default ports), or <c>AccountName</c>/<c>AccountKey</c> with a protocol and an
/// endpoint suffix or explicit <c>BlobEndpoint</c>/<c>QueueEndpoint</c>. Errors never quote the key.
/// </summary>
public static class StorageConnectionString
{
    /// <summary>The development storage account every Azurite and the old emulator accept (public, documented).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const int DevelopmentBlobPort = 10000;
    public const int DevelopmentQueuePort = 10001;

    /// <summary>Whether <paramref name="text"/> looks like a connection string rather than a path or a URL.</summary>
    public static bool LooksLikeConnectionString(string text) =>
        text.Contains('=', StringComparison.Ordinal)
        && !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        && !text.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    public static StorageAccount Parse(string connectionString)
    {
        var settings = Settings(connectionString);
        if (settings.TryGetValue("UseDevelopmentStorage", out var development))
        {
            if (!development.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("UseDevelopmentStorage must be 'true' when it is given.");
            }

            var host = settings.TryGetValue("DevelopmentStorageProxyUri", out var proxy) ? new Uri(proxy) : new Uri("http://127.0.0.1");
            return Development(host.Host, DevelopmentBlobPort, DevelopmentQueuePort);
        }

        var name = Require(settings, "AccountName");
        var key = Require(settings, "AccountKey");
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("https" or "http")) throw new FormatException($"DefaultEndpointsProtocol must be https or http, not '{protocol}'.");
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        var blob = Endpoint(settings, "BlobEndpoint") ?? new Uri($"{protocol}://{name}.blob.{suffix}");
        var queue = Endpoint(settings, "QueueEndpoint") ?? new Uri($"{protocol}://{name}.queue.{suffix}");
        return new StorageAccount(name, blob, queue, SharedKey.FromBase64(name, key));
    }

    /// <summary>Azurite (or the emulator) on <paramref name="host"/> with the development account.</summary>
    public static StorageAccount Development(string host, int blobPort, int queuePort) => new(
        DevelopmentAccountName,
        new Uri($"http://{host}:{blobPort}/{DevelopmentAccountName}"),
        new Uri($"http://{host}:{queuePort}/{DevelopmentAccountName}"),
        SharedKey.FromBase64(DevelopmentAccountName, DevelopmentAccountKey));

    private static Dictionary<string, string> Settings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new FormatException("A connection string is a list of Name=Value settings separated by ';'.");
            settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        return settings;
    }

    private static string Require(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The connection string has no {name} (and is not UseDevelopmentStorage=true).");

    private static Uri? Endpoint(Dictionary<string, string> settings, string name)
    {
        if (!settings.TryGetValue(name, out var text)) return null;
        return Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw new FormatException($"{name} must be an http or https URL.");
    }
}
