using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CloudReel.Core.Ports;

namespace CloudReel.Media.Assembly.Reuse;

/// <summary>A kind of encoded piece the cache keeps, and its file extension.</summary>
internal sealed record RenderKind(string Name, string Extension)
{
    /// <summary>One rendition's picture for one chunk of film.</summary>
    public static readonly RenderKind Chunk = new("chunk", "mp4");

    /// <summary>What a chunk gives the extras (thumbnails, candidates, blur scores, poster), as a tar.</summary>
    public static readonly RenderKind Extras = new("extras", "tar");

    /// <summary>A film's whole sound at one loudness target.</summary>
    public static readonly RenderKind Sound = new("sound", "m4a");

    /// <summary>One re-encoded window (a transition) of the clean master.</summary>
    public static readonly RenderKind CleanWindow = new("clean-window", "mp4");

    /// <summary>What a whole assembly wrote (<see cref="AssemblyManifest"/>), kept after the files themselves.</summary>
    public static readonly RenderKind Assembly = new("assembly", "bin");

    /// <summary>One output file of a whole assembly (a film, a draft zip, a picture, a caption file).</summary>
    public static readonly RenderKind Output = new("output", "bin");
}

/// <summary>What a kept piece cost to make: the wall seconds its encoding took, and its frames (0 for non-video pieces).</summary>
internal sealed record PieceRecord(double Seconds, int Frames);

/// <summary>What a normalised copy held when it was kept: checked before it is reused.</summary>
internal sealed record ContentRecord(long Bytes, string Sha256);

/// <summary>A piece found in the cache: a local file with its bytes, and its record.</summary>
internal sealed record CachedPiece(string Path, PieceRecord Record);

/// <summary>
/// What assembly keeps in the clip store for later assemblies, shared by every film on the same
/// store like the clips (a folder on one machine, Blob Storage in Azure):
/// <list type="bullet">
/// <item>encoded pieces of films, each under a key of everything that shapes it (<see cref="RenderKeys"/>):
/// <c>clips/renders/&lt;kind&gt;/&lt;key&gt;.&lt;ext&gt;</c> and a <c>.json</c> record written after it, so a
/// piece without its record is never used;</item>
/// <item>normalised copies of clips, at <c>clips/normalised/&lt;profile&gt;/&lt;key&gt;.mp4</c> (a name that is
/// not a content-addressed clip is keyed by its SHA-256).</item>
/// </list>
/// </summary>
public sealed class RenderCache(IClipStore store) : INormalisedClipCache
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal async Task<CachedPiece?> FindAsync(RenderKind kind, string key, CancellationToken cancellationToken)
    {
        var recordName = StoreLayout.RenderedPiece(kind.Name, key, "json");
        var pieceName = StoreLayout.RenderedPiece(kind.Name, key, kind.Extension);
        if (!await store.ExistsAsync(recordName, cancellationToken) || !await store.ExistsAsync(pieceName, cancellationToken)) return null;
        var record = JsonSerializer.Deserialize<PieceRecord>(await store.ReadTextAsync(recordName, cancellationToken), Json);
        return record is null ? null : new CachedPiece(await store.GetLocalPathAsync(pieceName, cancellationToken), record);
    }

    /// <summary>Keeps <paramref name="localPath"/> under <paramref name="key"/> (replacing a piece found unfit), then its record.</summary>
    internal async Task KeepAsync(RenderKind kind, string key, string localPath, PieceRecord record, CancellationToken cancellationToken)
    {
        await using (var content = File.OpenRead(localPath))
        {
            await store.PutAsync(StoreLayout.RenderedPiece(kind.Name, key, kind.Extension), content, ContentTypes.Of(localPath), overwrite: true, cancellationToken);
        }

        await store.PutTextAsync(StoreLayout.RenderedPiece(kind.Name, key, "json"), JsonSerializer.Serialize(record, Json), ContentTypes.Of("record.json"), overwrite: true, cancellationToken);
    }

    /// <summary>The clip's normalised copy, only when it still holds the bytes recorded when it was made; a damaged copy is quarantined and made again.</summary>
    public async Task<string?> FindAsync(string clipName, string profile, CancellationToken cancellationToken = default)
    {
        var (name, recordName) = NormalisedNames(clipName, profile);
        if (!await store.ExistsAsync(name, cancellationToken)) return null;
        var record = await store.ExistsAsync(recordName, cancellationToken)
            ? JsonSerializer.Deserialize<ContentRecord>(await store.ReadTextAsync(recordName, cancellationToken), Json)
            : null;
        if (record is not null && await CachedContent.IsIntactAsync(store, name, record.Bytes, record.Sha256, cancellationToken))
        {
            return await store.GetLocalPathAsync(name, cancellationToken);
        }

        await CachedContent.QuarantineAsync(store, [name, recordName], DateTimeOffset.UtcNow, cancellationToken);
        return null;
    }

    /// <summary>Keeps the copy, then its record (size and SHA-256): a copy without a record is never reused.</summary>
    public async Task StoreAsync(string clipName, string profile, string localPath, CancellationToken cancellationToken = default)
    {
        var (name, recordName) = NormalisedNames(clipName, profile);
        ContentRecord record;
        await using (var content = File.OpenRead(localPath))
        {
            record = new ContentRecord(content.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken)));
            content.Position = 0;
            await store.PutAsync(name, content, ContentTypes.Of(localPath), overwrite: false, cancellationToken);
        }

        await store.PutTextAsync(recordName, JsonSerializer.Serialize(record, Json), ContentTypes.Of("record.json"), overwrite: false, cancellationToken);
    }

    private static (string Copy, string Record) NormalisedNames(string clipName, string profile)
    {
        var key = StoreLayout.ContentKeyOf(clipName) ?? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clipName)));
        return (StoreLayout.NormalisedClip(key, profile), StoreLayout.NormalisedClipRecord(key, profile));
    }
}
