using CloudReel.Core.Workflow;
using CloudReel.Local.Engine;

namespace CloudReel.Cli.Hosting;

/// <summary>
/// A film on this machine as the journal keeps it: its label (title, where its order came from,
/// where its outputs go, which store holds its clips) is part of the film's instance.
/// </summary>
public sealed record FilmEntry(string FilmId, string Title, string OrderPath, string OutputRoot, string? Store, DateTime CreatedUtc)
{
    /// <summary>The folder holding this film's outputs.</summary>
    public string OutputFolder => Path.Combine(OutputRoot, FilmId);

    /// <summary>The film of a journal instance; null when the instance is not a film (a shot).</summary>
    public static FilmEntry? Of(InstanceInfo instance)
    {
        if (instance.Name != nameof(FilmOrchestration) || instance.ParentInstanceId is not null) return null;
        var label = instance.ReadInputAs<FilmRequest>()?.Label;
        return new FilmEntry(
            instance.InstanceId,
            label?.Title ?? instance.InstanceId,
            label?.Source ?? "(not recorded)",
            label?.OutputRoot ?? Path.GetFullPath("out"),
            label?.Store,
            instance.CreatedUtc);
    }
}
