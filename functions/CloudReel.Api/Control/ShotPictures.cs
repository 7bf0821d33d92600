using CloudReel.Api.Http;
using CloudReel.Core.Media;
using CloudReel.Core.Orders;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Control;

/// <summary>
/// POST /api/films/{id}/shots/{shotId}/picture: a new take of one shot (<see cref="ShotRetake"/>) made
/// from a picture of one's own, sent as the body (image/png, image/jpeg or image/webp): the shot's model
/// animates it (image-to-video), or with <c>?still=true</c> holds it without a camera move. The picture is
/// staged with the new film's order under replacements/.
/// </summary>
public sealed class ShotPictures(ShotRetake retake)
{
    /// <summary>The largest picture accepted: an order's image limit.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    public async Task<IResult> ReplaceAsync(HttpRequest request, string filmId, string shotId, CancellationToken cancellationToken)
    {
        var extension = ExtensionOf(request.ContentType);
        if (extension is null) return ApiProblems.UnsupportedPicture(request, request.ContentType);

        var still = request.Query["still"].FirstOrDefault();
        if (still is not null && !bool.TryParse(still, out _)) return ApiProblems.BadRequest(request, "still must be true or false.");

        var (source, refusal) = await retake.LoadAsync(request, filmId, shotId, cancellationToken);
        if (source is null) return refusal!;

        var picture = await UploadedReplacement.ReadAsync(request, cancellationToken);
        if (picture.Length == 0) return ApiProblems.BadRequest(request, "The body is empty: send the picture.");
        // Refused here by its first bytes, not by FFmpeg later (the order's checks then read it through).
        if (ExtensionOf(MediaSniffer.ImageTypeOf(picture)) != extension)
        {
            return ApiProblems.BadRequest(request, $"The body is not a {extension[1..].ToUpperInvariant()} picture.");
        }

        var path = UploadedReplacement.PathFor(shotId, picture, extension);
        var held = still is not null && bool.Parse(still);
        // A shot that was one's own clip becomes a shot a model makes again (it keeps its prompt).
        var changed = source.Shot with { Image = path, Clip = null, Camera = held ? CameraMove.Static : source.Shot.Camera };
        return await retake.StartAsync(request, source, held ? "still" : "picture", _ => changed, new Dictionary<string, byte[]> { [path] = picture }, cancellationToken);
    }

    private static string? ExtensionOf(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        _ => null,
    };
}
