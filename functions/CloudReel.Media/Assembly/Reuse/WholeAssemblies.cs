using System.Text.Json;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Core.Workflow;

namespace CloudReel.Media.Assembly.Reuse;

/// <summary>
/// What a whole assembly wrote (every file name, in order, and the size of each kept one) and how its films
/// were come by, as an assembly found again reports it.
/// </summary>
internal sealed record AssemblyManifest(IReadOnlyList<string> Files, IReadOnlyDictionary<string, long> Bytes, IReadOnlyList<RenditionReuse> Renditions);

/// <summary>
/// Whole assemblies found again. When nothing that shapes the outputs changed — the timeline, the bytes
/// of its inputs, the assembly options, the FFmpeg build and the caption font — every output of the
/// earlier assembly is copied from the render cache instead of its chunks being joined, muxed and drawn
/// again; those <paramref name="writtenAfresh"/> names are listed but never kept (the caller writes them
/// every time). The outputs are kept before the manifest, so a manifest is only ever found with its files.
/// </summary>
internal sealed class WholeAssemblies(RenderCache cache, RenderKeys keys, Func<string, bool> writtenAfresh)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The key of everything that shapes an assembly's outputs; <paramref name="keyInputs"/> are the inputs' tokens (<see cref="InputIdentity"/>).</summary>
    public string KeyOf(FilmTimeline timeline, AssemblyInputs keyInputs, AssemblyOptions options) => keys.Of(RenderKind.Assembly,
    [
        WorkflowJson.Serialize(timeline),
        JsonSerializer.Serialize(options, Json),
        .. keyInputs.Clips,
        keyInputs.Music ?? "-",
        keyInputs.Logo ?? "-",
        .. keyInputs.VoiceOvers.OrderBy(v => v.Key).Select(v => $"{v.Key}={v.Value}"),
    ]);

    /// <summary>
    /// Copies the outputs kept under <paramref name="key"/> into <paramref name="output"/>; null (nothing copied) when
    /// any is missing or unfit: not its recorded size, or a film without exactly <paramref name="frames"/> frames.
    /// </summary>
    public async Task<AssemblyManifest?> RestoreAsync(string key, string output, int frames, CancellationToken cancellationToken)
    {
        if (await cache.FindAsync(RenderKind.Assembly, key, cancellationToken) is not { } found) return null;
        AssemblyManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<AssemblyManifest>(await File.ReadAllTextAsync(found.Path, cancellationToken), Json);
        }
        catch (JsonException)
        {
            return null;
        }

        if (manifest?.Files is null || manifest.Bytes is null || manifest.Renditions is null) return null;
        var pieces = new List<(string Path, string Name)>();
        foreach (var name in manifest.Files.Where(f => !writtenAfresh(f)))
        {
            if (await cache.FindAsync(RenderKind.Output, OutputKey(key, name), cancellationToken) is not { } piece
                || !manifest.Bytes.TryGetValue(name, out var bytes) || new FileInfo(piece.Path).Length != bytes
                || (name.EndsWith(".mp4", StringComparison.Ordinal) && Probing.Mp4SampleCount.VideoFrames(piece.Path) != frames))
            {
                return null;
            }

            pieces.Add((piece.Path, name));
        }

        foreach (var (path, name) in pieces)
        {
            var target = Path.Combine(output, name);
            File.Copy(path, target + ".partial", overwrite: true);
            File.Move(target + ".partial", target, overwrite: true);
        }

        return manifest;
    }

    /// <summary>Keeps <paramref name="files"/> (names in <paramref name="output"/>) under <paramref name="key"/>, then their manifest.</summary>
    public async Task KeepAsync(
        string key, string output, string scratch, IReadOnlyList<string> files, IReadOnlyList<RenditionReuse> renditions, double seconds, CancellationToken cancellationToken)
    {
        var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in files.Where(f => !writtenAfresh(f)))
        {
            var path = Path.Combine(output, name);
            bytes[name] = new FileInfo(path).Length;
            await cache.KeepAsync(RenderKind.Output, OutputKey(key, name), path, new PieceRecord(0, 0), cancellationToken);
        }

        var manifest = Path.Combine(scratch, "assembly-manifest.json");
        await File.WriteAllTextAsync(manifest, JsonSerializer.Serialize(new AssemblyManifest(files, bytes, renditions), Json), cancellationToken);
        try
        {
            await cache.KeepAsync(RenderKind.Assembly, key, manifest, new PieceRecord(Math.Round(seconds, 3), 0), cancellationToken);
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    private string OutputKey(string key, string name) => keys.Of(RenderKind.Output, [key, name]);
}
