using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CloudReel.Core.Models;

/// <summary>
/// The content key of a clip: a hash of everything that decides what the model renders. Two shots
/// with the same key are the same clip, in any film, so the key is the clip's name in the store.
/// </summary>
public static class ContentKey
{
    /// <summary>Bump when the meaning of the hashed fields changes, so old clips are never reused wrongly.</summary>
    private const string Scheme = "cloudreel.clip.v1";

    /// <summary>The key of a clip of one's own footage: its bytes alone decide it, so the same file is one clip in any film.</summary>
    public static string ForOwnClip(string sha256) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"cloudreel.own-clip.v1\nsha256={sha256}\n")));

    public static string For(string model, string modelVersion, ShotRequest request)
    {
        var text = new StringBuilder()
            .Append(Scheme).Append('\n')
            .Append("model=").Append(model).Append('\n')
            .Append("version=").Append(modelVersion).Append('\n')
            .Append("prompt=").Append(request.Prompt).Append('\n')
            .Append("seconds=").Append(request.Seconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n')
            .Append("size=").Append(request.Size).Append('\n')
            .Append("seed=").Append(request.Seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        // A shot that continues another is keyed by that clip: its last frame, the first frame sent, follows from it.
        if (request.ContinuesFrom is { } previous) text.Append("continues=").Append(previous).Append('\n');
        foreach (var reference in request.References)
        {
            if (request.ContinuesFrom is not null && reference.Role == ReferenceRole.FirstFrame) continue;
            // First frames keep the v1 line, so clips made before roles existed keep their keys.
            text.Append("reference=").Append(reference.Sha256);
            if (reference.Role != ReferenceRole.FirstFrame) text.Append(';').Append(reference.Role.ToString().ToLowerInvariant());
            // Pictures grouped by character are sent as named subjects: another request than loose pictures.
            if (reference.Subject is { } subject) text.Append(";@").Append(subject);
            text.Append('\n');
        }

        if (request.Workflow is { } workflow) text.Append("workflow=").Append(workflow.Sha256).Append('\n');

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }
}
