namespace CloudReel.Models.Fetching;

/// <summary>Reference images by their first bytes: PNG, JPEG and WebP, the types orders accept.</summary>
public static class ImageSniffer
{
    public const int BytesNeeded = 12;

    /// <summary>The image's content type from its magic bytes, or null when it is none of the accepted types.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> start)
    {
        if (start.Length >= 8 && start[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (start.Length >= 3 && start[0] == 0xFF && start[1] == 0xD8 && start[2] == 0xFF) return "image/jpeg";
        if (start.Length >= 12 && start[..4].SequenceEqual("RIFF"u8) && start[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }
}
