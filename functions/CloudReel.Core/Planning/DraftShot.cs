using CloudReel.Core.Orders;

namespace CloudReel.Core.Planning;

/// <summary>A shot as drafted from a brief or a script, before ids, camera, captions and seconds are chosen.</summary>
internal sealed record DraftShot
{
    /// <summary>What the shot shows, in the words the video model gets.</summary>
    public required string Prompt { get; init; }

    /// <summary>Texts to caption the shot with; each goes to a language by its script.</summary>
    public IReadOnlyList<string> CaptionTexts { get; init; } = [];

    /// <summary>Texts the viewer reads or the action takes time for; the longest sets the shot's length.</summary>
    public IReadOnlyList<string> TimingTexts { get; init; } = [];

    /// <summary>Text whose first meaningful Latin words name the shot.</summary>
    public required string IdText { get; init; }

    /// <summary>Text searched for camera keywords.</summary>
    public required string CameraText { get; init; }

    /// <summary>How this shot hands over to the next, when the source says so.</summary>
    public TransitionSpec? Transition { get; init; }

    /// <summary>The screenplay scene the shot is in (1 for the first), when it comes from one.</summary>
    public int? Scene { get; init; }

    /// <summary>Names of characters heard speaking on screen in the shot (a screenplay's dialogue).</summary>
    public IReadOnlyList<string> Speakers { get; init; } = [];

    /// <summary>The dialogue heard in the shot, on screen or off, with who says it (a screenplay's character name).</summary>
    public IReadOnlyList<DraftLine> Lines { get; init; } = [];

    /// <summary>A draft whose texts all play the same role.</summary>
    public static DraftShot FromText(string text, IReadOnlyList<string> captions) => new()
    {
        Prompt = text,
        CaptionTexts = captions,
        TimingTexts = captions.Count > 0 ? captions : [text],
        IdText = text,
        CameraText = text,
    };
}

/// <summary>A line of a screenplay's dialogue and the character name it is written under.</summary>
internal sealed record DraftLine(string Speaker, string Text);
