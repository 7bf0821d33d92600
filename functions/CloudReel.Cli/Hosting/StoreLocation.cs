using CloudReel.Azure.Storage;
using Microsoft.Extensions.Configuration;

namespace CloudReel.Cli.Hosting;

/// <summary>
/// Where a film's clip store is, as `--store` says: a folder, a Storage connection string
/// (<c>UseDevelopmentStorage=true</c> for Azurite), or a Blob endpoint reached by Entra ID
/// (https://&lt;account&gt;.blob.core.windows.net). The film registry remembers it without secrets.
/// </summary>
public sealed record StoreLocation(StoreKind Kind, string Value)
{
    /// <summary>Configuration key for a connection string that `--store` and the registry may leave out (its key is never saved).</summary>
    public const string ConnectionStringKey = "Storage:ConnectionString";

    public static StoreLocation Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return new(StoreKind.BlobEndpoint, new Uri(trimmed).GetLeftPart(UriPartial.Authority));
        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("A Blob endpoint reached by Entra ID must be https; for Azurite use a connection string (UseDevelopmentStorage=true).");
        }

        if (StorageAccount.LooksLikeConnectionString(trimmed))
        {
            StorageAccount.FromConnectionString(trimmed);
            return new(StoreKind.ConnectionString, trimmed);
        }

        return new(StoreKind.Folder, Path.GetFullPath(trimmed));
    }

    /// <summary>What the film registry keeps: the location without account keys or SAS tokens.</summary>
    public string Remembered => Kind == StoreKind.ConnectionString ? WithoutSecrets(Value) : Value;

    /// <summary>For people: never a key.</summary>
    public override string ToString() => Remembered;

    /// <summary>
    /// The store of a film: `--store` when given, else what the registry remembered; a remembered
    /// connection string that lost its key takes it from <see cref="ConnectionStringKey"/> when it names the same account.
    /// </summary>
    public static StoreLocation? Resolve(string? option, string? remembered, IConfiguration configuration)
    {
        if (option is not null) return Parse(option);
        if (remembered is null) return null;
        if (!StorageAccount.LooksLikeConnectionString(remembered) || HasCredentials(remembered)) return Parse(remembered);

        var configured = configuration[ConnectionStringKey];
        if (configured is not null && SameAccount(configured, remembered)) return Parse(configured);
        throw new FormatException(
            $"This film's store is '{remembered}', whose key is not saved: pass --store with its connection string again, or set {ConnectionStringKey} (CLOUDREEL__STORAGE__CONNECTIONSTRING).");
    }

    private static bool HasCredentials(string connectionString) =>
        connectionString.Contains("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase);

    private static bool SameAccount(string configured, string remembered) =>
        Setting(configured, "AccountName") is { } name && string.Equals(name, Setting(remembered, "AccountName"), StringComparison.OrdinalIgnoreCase);

    private static string WithoutSecrets(string connectionString) => string.Join(';', connectionString
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(part => !part.StartsWith("AccountKey=", StringComparison.OrdinalIgnoreCase) && !part.StartsWith("SharedAccessSignature=", StringComparison.OrdinalIgnoreCase)));

    private static string? Setting(string connectionString, string name) => connectionString
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(part => part.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))
        .Select(part => part[(name.Length + 1)..])
        .FirstOrDefault();
}

public enum StoreKind
{
    Folder,
    ConnectionString,
    BlobEndpoint,
}
