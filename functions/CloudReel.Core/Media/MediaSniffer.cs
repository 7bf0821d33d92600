namespace CloudReel.Core.Media;

/// <summary>
/// What a picture, a sound file or a video is by its first bytes, not by its name: the picture types orders accept
/// (PNG, JPEG, WebP), the sound types (MP3, WAV, FLAC, Ogg, AAC and M4A/MP4 audio) and the video types (MP4, MOV, WebM).
/// </summary>
public static class MediaSniffer
{
    public const int BytesNeeded = 12;

    /// <summary>The image's content type from its magic bytes, or null when it is none of the accepted types.</summary>
    public static string? ImageTypeOf(ReadOnlySpan<byte> start)
    {
        if (start.Length >= 8 && start[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (start.Length >= 3 && start[0] == 0xFF && start[1] == 0xD8 && start[2] == 0xFF) return "image/jpeg";
        if (start.Length >= 12 && start[..4].SequenceEqual("RIFF"u8) && start[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    /// <summary>The video's content type from its first bytes (MP4, QuickTime MOV, WebM), or null when it is none of the accepted types.</summary>
    public static string? VideoTypeOf(ReadOnlySpan<byte> start)
    {
        if (start.Length >= 4 && start[..4].SequenceEqual(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 })) return "video/webm"; // EBML (Matroska/WebM)
        if (start.Length < 12) return null;
        var box = start[4..8];
        if (box.SequenceEqual("ftyp"u8)) return start[8..12].SequenceEqual("qt  "u8) ? "video/quicktime" : "video/mp4";
        // Older QuickTime files start straight with an atom other than ftyp.
        return box.SequenceEqual("moov"u8) || box.SequenceEqual("wide"u8) || box.SequenceEqual("mdat"u8) || box.SequenceEqual("free"u8) ? "video/quicktime" : null;
    }

    /// <summary>The sound file's content type from its magic bytes, or null when it is none of the accepted types.</summary>
    public static string? AudioTypeOf(ReadOnlySpan<byte> start)
    {
        if (start.Length >= 3 && start[..3].SequenceEqual("ID3"u8)) return "audio/mpeg";
        if (start.Length >= 12 && start[..4].SequenceEqual("RIFF"u8) && start[8..12].SequenceEqual("WAVE"u8)) return "audio/wav";
        if (start.Length >= 4 && start[..4].SequenceEqual("fLaC"u8)) return "audio/flac";
        if (start.Length >= 4 && start[..4].SequenceEqual("OggS"u8)) return "audio/ogg";
        if (start.Length >= 8 && start[4..8].SequenceEqual("ftyp"u8)) return "audio/mp4";
        if (start.Length >= 2 && start[0] == 0xFF && (start[1] & 0xF6) == 0xF0) return "audio/aac"; // ADTS sync word, layer 0
        if (start.Length >= 2 && start[0] == 0xFF && (start[1] & 0xE0) == 0xE0) return "audio/mpeg"; // MPEG audio frame sync
        return null;
    }
}
