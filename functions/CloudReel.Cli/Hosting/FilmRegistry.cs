using System.Text.Json;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Hosting;

/// <summary>What this machine remembers about a film it started: where its order came from and where its outputs go.</summary>
public sealed record FilmEntry(string FilmId, string Title, string OrderPath, string OutputRoot, string? Store, DateTime CreatedUtc)
{
    /// <summary>The folder holding this film's outputs.</summary>
    public string OutputFolder => Path.Combine(OutputRoot, FilmId);
}

/// <summary>One small JSON file per film under the home's films/ folder.</summary>
public sealed class FilmRegistry(CloudReelHome home)
{
    public void Save(FilmEntry entry) =>
        File.WriteAllText(PathOf(entry.FilmId), JsonSerializer.Serialize(entry, WorkflowJson.Indented));

    public FilmEntry? Find(string filmId)
    {
        var path = PathOf(filmId);
        return File.Exists(path) ? JsonSerializer.Deserialize<FilmEntry>(File.ReadAllText(path), WorkflowJson.Options) : null;
    }

    public IReadOnlyList<FilmEntry> All() => !Directory.Exists(home.FilmsRegistryPath)
        ? []
        : Directory.EnumerateFiles(home.FilmsRegistryPath, "*.json")
            .Select(path => JsonSerializer.Deserialize<FilmEntry>(File.ReadAllText(path), WorkflowJson.Options)!)
            .OrderBy(e => e.CreatedUtc)
            .ToList();

    private string PathOf(string filmId) => Path.Combine(home.FilmsRegistryPath, Core.Ports.StoreLayout.RequireId(filmId) + ".json");
}
