using CloudReel.Api.Http;
using CloudReel.Core.Media;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Control;

/// <summary>
/// POST /api/films/{id}/shots/{shotId}/clip: a new take of one shot (<see cref="ShotRetake"/>) that is a clip of
/// one's own footage, sent as the body (video/mp4, video/quicktime or video/webm). No model makes it and it
/// costs nothing; it keeps the shot's length (cut to it, or held on its last frame when shorter), and what only
/// steered a model (its pictures, cast, sequence, model and seed) goes. The clip is staged with the new film's
/// order under replacements/.
/// </summary>
public sealed class ShotOwnClips(ShotRetake retake)
{
    /// <summary>The largest clip accepted: an order's clip limit.</summary>
    public const int MaxBytes = 100 * 1024 * 1024;

    public async Task<IResult> ReplaceAsync(HttpRequest request, string filmId, string shotId, CancellationToken cancellationToken)
    {
        var declared = FamilyOf(request.ContentType?.Split(';')[0].Trim().ToLowerInvariant());
        if (declared is null) return ApiProblems.UnsupportedClip(request, request.ContentType);

        var (source, refusal) = await retake.LoadAsync(request, filmId, shotId, cancellationToken);
        if (source is null) return refusal!;

        var clip = await UploadedReplacement.ReadAsync(request, cancellationToken);
        if (clip.Length == 0) return ApiProblems.BadRequest(request, "The body is empty: send the clip.");
        // Refused here by its first bytes, not by FFmpeg later (the order's checks then read it through).
        var sniffed = MediaSniffer.VideoTypeOf(clip.AsSpan(0, Math.Min(clip.Length, MediaSniffer.BytesNeeded)));
        if (FamilyOf(sniffed) != declared) return ApiProblems.BadRequest(request, $"The body is not the {request.ContentType} video it says it is.");

        var path = UploadedReplacement.PathFor(shotId, clip, ExtensionOf(sniffed!));
        var changed = source.Shot with
        {
            Clip = path,
            Image = null,
            LastImage = null,
            References = [],
            Cast = [],
            Sequence = null,
            Model = null,
            Seed = null,
        };
        return await retake.StartAsync(request, source, "clip", _ => changed, new Dictionary<string, byte[]> { [path] = clip }, cancellationToken);
    }

    /// <summary>MP4 and MOV share one container family (ISO base media): either name passes for the other.</summary>
    private static string? FamilyOf(string? contentType) => contentType switch
    {
        "video/mp4" or "video/quicktime" => "iso",
        "video/webm" => "webm",
        _ => null,
    };

    private static string ExtensionOf(string contentType) => contentType switch
    {
        "video/quicktime" => ".mov",
        "video/webm" => ".webm",
        _ => ".mp4",
    };
}
