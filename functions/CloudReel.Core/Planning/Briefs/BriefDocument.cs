namespace CloudReel.Core.Planning.Briefs;

/// <summary>
/// A brief as read: what it says about the film (title, length, look, caption languages) and the
/// material for its shots, in order. Lines about the job (client, deliverables, notes) are gone.
/// </summary>
internal sealed record BriefDocument
{
    public string? Title { get; init; }

    /// <summary>The index of the brief's first line after its title line(s): 0 when it has none.</summary>
    public int BodyLine { get; init; }

    public double? TargetSeconds { get; init; }

    public string? Style { get; init; }

    /// <summary>Caption languages the brief names ("Languages: English and Chinese"), as tags.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Paragraphs and list items that make shots, in order.</summary>
    public IReadOnlyList<BriefBlock> Blocks { get; init; } = [];

    /// <summary>Whether the brief marks the words it wants read or heard (VO:, Caption:, quoted lines, a voice-over section).</summary>
    public bool MarksCaptions { get; init; }

    /// <summary>Lines of a voice-over or captions section, spread over the shots in order.</summary>
    public IReadOnlyList<string> CaptionLines { get; init; } = [];
}

/// <summary>One paragraph or list item of shot material, under the scene heading it stands in.</summary>
/// <param name="Scene">The heading of the part of the film it belongs to, or null.</param>
/// <param name="SceneIndex">Which part of the film: blocks under one heading share it.</param>
/// <param name="Pieces">Its sentences, each with its role.</param>
internal sealed record BriefBlock(string? Scene, int SceneIndex, IReadOnlyList<BriefPiece> Pieces);

/// <summary>The role of a piece of a brief's shot material.</summary>
internal enum PieceRole
{
    /// <summary>What the camera sees; captioned by itself when the brief marks no captions.</summary>
    Picture,

    /// <summary>A stage direction that shows something ("Close on weathered hands …"): a shot, never a caption.</summary>
    Direction,

    /// <summary>A bracketed direction ("【特写】", "(slow push-in)"): how the next picture is shot.</summary>
    Camera,

    /// <summary>Words the viewer reads or hears.</summary>
    Caption,
}

internal sealed record BriefPiece(PieceRole Role, string Text);
