namespace CloudReel.Core.Ports;

/// <summary>
/// The clip store port: named objects laid out as <see cref="StoreLayout"/> says. A local folder on
/// one machine, Blob Storage in Azure. Content-addressed clips are shared by every film.
/// </summary>
public interface IClipStore
{
    /// <summary>A short description for people: a folder path or an account and container.</summary>
    string Describe();

    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Size in bytes, or null when the object does not exist.</summary>
    Task<long?> GetSizeAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an object. With <paramref name="overwrite"/> false an existing object is kept and the
    /// call returns false: content-addressed writes are idempotent. Readers never see half an object.
    /// </summary>
    Task<bool> PutAsync(string name, Stream content, string contentType, bool overwrite, CancellationToken cancellationToken = default);

    Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// A local file path with the object's bytes, for tools such as FFmpeg: the object itself for a
    /// folder store, a cached download for a remote one.
    /// </summary>
    Task<string> GetLocalPathAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Names under <paramref name="prefix"/>, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default);

    Task DeleteAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>A short-lived, read-only link to one object.</summary>
    Task<Uri> GetReadLinkAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default);
}

/// <summary>Helpers over <see cref="IClipStore"/> that every adapter shares.</summary>
public static class ClipStoreExtensions
{
    public static async Task<bool> PutTextAsync(this IClipStore store, string name, string text, string contentType, bool overwrite, CancellationToken cancellationToken = default)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return await store.PutAsync(name, content, contentType, overwrite, cancellationToken);
    }

    public static async Task<string> ReadTextAsync(this IClipStore store, string name, CancellationToken cancellationToken = default)
    {
        await using var stream = await store.OpenReadAsync(name, cancellationToken);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
