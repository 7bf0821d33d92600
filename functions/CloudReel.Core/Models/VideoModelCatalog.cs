namespace CloudReel.Core.Models;

/// <summary>The models a host has wired up, by name.</summary>
public sealed class VideoModelCatalog(IEnumerable<IVideoModel> models) : IVideoModelCatalog
{
    private readonly Dictionary<string, IVideoModel> _byName = models.ToDictionary(m => m.Capabilities.Name, StringComparer.Ordinal);

    public IReadOnlyList<IVideoModel> All => _byName.Values.OrderBy(m => m.Capabilities.Name, StringComparer.Ordinal).ToList();

    public IVideoModel? Find(string name) => _byName.GetValueOrDefault(name);
}
