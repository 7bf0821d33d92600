using CloudReel.Core.Ports;

namespace CloudReel.Media.Tests.Support;

/// <summary>Normalised copies in a folder, counting what was found and what was stored.</summary>
public sealed class FolderNormalisedCache(string folder) : INormalisedClipCache
{
    public int Hits { get; private set; }

    public int Stores { get; private set; }

    public Task<string?> FindAsync(string clipName, string profile, CancellationToken cancellationToken = default)
    {
        var path = PathOf(clipName, profile);
        if (File.Exists(path)) Hits++;
        return Task.FromResult(File.Exists(path) ? path : null);
    }

    public Task StoreAsync(string clipName, string profile, string localPath, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.Combine(folder, profile));
        File.Copy(localPath, PathOf(clipName, profile), overwrite: true);
        Stores++;
        return Task.CompletedTask;
    }

    public string PathOf(string clipName, string profile) => Path.Combine(folder, profile, clipName + ".mp4");
}
