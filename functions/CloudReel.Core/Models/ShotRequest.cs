using CloudReel.Core.Orders;

namespace CloudReel.Core.Models;

/// <summary>What a model is asked to render for one shot.</summary>
public sealed record ShotRequest
{
    /// <summary>The full prompt: shot, camera and style.</summary>
    public required string Prompt { get; init; }

    /// <summary>The shot's own words, without style: what an animatic card shows.</summary>
    public required string ShotText { get; init; }

    public required double Seconds { get; init; }

    public required FrameSize Size { get; init; }

    public long Seed { get; init; }

    public CameraMove Camera { get; init; }

    /// <summary>Reference images, by clip-store name, with their content hashes and what each is for.</summary>
    public IReadOnlyList<ReferenceImage> References { get; init; } = [];

    /// <summary>A workflow graph for models that run one (ComfyUI), by clip-store name and hash.</summary>
    public StoredFile? Workflow { get; init; }

    /// <summary>The characters in the shot, for models that name subjects in the prompt (Vidu's @id).</summary>
    public IReadOnlyList<CastInShot> Cast { get; init; } = [];

    /// <summary>
    /// The SHA-256 of the clip this shot continues (the shot before it in its sequence), whose last frame
    /// is the shot's first frame; "" while that clip is not made yet; null for a shot outside a sequence.
    /// </summary>
    public string? ContinuesFrom { get; init; }

    /// <summary>The image the clip starts from (image-to-video), if any.</summary>
    public ReferenceImage? FirstFrame => References.FirstOrDefault(r => r.Role == ReferenceRole.FirstFrame);

    /// <summary>The image the clip ends on, if any.</summary>
    public ReferenceImage? LastFrame => References.FirstOrDefault(r => r.Role == ReferenceRole.LastFrame);

    /// <summary>Images of characters, objects or a look to keep (reference-to-video).</summary>
    public IReadOnlyList<ReferenceImage> Subjects => References.Where(r => r.Role == ReferenceRole.Subject).ToList();
}

/// <summary>A reference image in the clip store and what the model does with it.</summary>
/// <param name="StoreName">The image's name in the clip store.</param>
/// <param name="Sha256">Its content hash, part of the clip's content key.</param>
/// <param name="Role">What the model does with it.</param>
/// <param name="Subject">The id of the character a subject picture shows, when it shows one of the cast.</param>
public sealed record ReferenceImage(string StoreName, string Sha256, ReferenceRole Role = ReferenceRole.FirstFrame, string? Subject = null);

/// <summary>A character in a shot: its id (how subjects are grouped) and its name (how the prompt says it).</summary>
public sealed record CastInShot(string Id, string Name);

/// <summary>What a model does with a reference image.</summary>
public enum ReferenceRole
{
    /// <summary>The clip starts from this picture.</summary>
    FirstFrame,

    /// <summary>The clip ends on this picture.</summary>
    LastFrame,

    /// <summary>A character, object or look the clip keeps, wherever it appears.</summary>
    Subject,
}

/// <summary>A file in the clip store, by name and SHA-256.</summary>
public sealed record StoredFile(string StoreName, string Sha256);
