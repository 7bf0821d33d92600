using CloudReel.Core.Models;
using CloudReel.Core.Ports;

namespace CloudReel.Models.Http;

/// <summary>Reference images from the clip store in the forms services take them: bytes, base64, data URLs.</summary>
public sealed class ReferenceImages(IClipStore store)
{
    public async Task<byte[]> BytesAsync(ReferenceImage image, CancellationToken cancellationToken)
    {
        await using var content = await store.OpenReadAsync(image.StoreName, cancellationToken);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>Plain base64, without a data: prefix (Kling's image field).</summary>
    public async Task<string> Base64Async(ReferenceImage image, CancellationToken cancellationToken) =>
        Convert.ToBase64String(await BytesAsync(image, cancellationToken));

    /// <summary>A data URL with a lower-case image type (Vidu, Ark, Zhipu).</summary>
    public async Task<string> DataUrlAsync(ReferenceImage image, CancellationToken cancellationToken) =>
        $"data:{ContentType(image.StoreName)};base64,{await Base64Async(image, cancellationToken)}";

    public static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".webp" => "image/webp",
        _ => "image/jpeg",
    };

    public static string FileName(ReferenceImage image) => Path.GetFileName(image.StoreName);
}
