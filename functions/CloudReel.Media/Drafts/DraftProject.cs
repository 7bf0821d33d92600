using CloudReel.Core.Orders;

namespace CloudReel.Media.Drafts;

internal enum DraftMediaKind
{
    Video,
    Audio,
}

/// <summary>A media file of the draft: kept in the draft's materials folder as <see cref="FileName"/>.</summary>
internal sealed record DraftMedia(string Id, DraftMediaKind Kind, string Name, string FileName, string SourcePath, long DurationUs, int Width, int Height, bool HasAudio);

/// <summary>A piece of a track: where it sits (µs), which material it shows and from where in it, and what else it uses (speed, transition, fade).</summary>
internal sealed record DraftSegment(string Id, string MaterialId, long Start, long Duration, long? SourceStart, double Volume, IReadOnlyList<string> ExtraRefs)
{
    /// <summary>A text's vertical place, in half-canvas units from the centre (-1 is the bottom edge).</summary>
    public double? TextY { get; init; }

    public long End => Start + Duration;
}

/// <summary>A track: video, audio or text, drawn above tracks with a lower render index.</summary>
internal sealed record DraftTrack(string Id, string Type, string Name, int RenderIndex, IReadOnlyList<DraftSegment> Segments);

internal sealed record DraftText(string Id, string Text, double Size);

internal sealed record DraftTransition(string Id, TransitionKind Kind, long Duration);

internal sealed record DraftFade(string Id, long FadeIn, long FadeOut);

/// <summary>A film as an editor's draft, in microseconds: its media, texts, effects and tracks.</summary>
internal sealed record DraftProject
{
    public required string DraftId { get; init; }

    public required string Name { get; init; }

    public required string FolderName { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    public required int Fps { get; init; }

    public required long DurationUs { get; init; }

    public IReadOnlyList<DraftMedia> Media { get; init; } = [];

    public IReadOnlyList<DraftText> Texts { get; init; } = [];

    public IReadOnlyList<DraftTransition> Transitions { get; init; } = [];

    public IReadOnlyList<DraftFade> Fades { get; init; } = [];

    public IReadOnlyList<string> Speeds { get; init; } = [];

    public IReadOnlyList<DraftTrack> Tracks { get; init; } = [];

    /// <summary>A material's path as the draft writes it: inside the draft's own folder.</summary>
    public static string MaterialPath(string fileName) => $"{DraftFlavour.DraftFolderToken}/materials/{fileName}";
}
