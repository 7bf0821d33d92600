namespace CloudReel.Core.Ports;

/// <summary>Content types of the files CloudReel writes, by extension.</summary>
public static class ContentTypes
{
    public static string Of(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".mp4" => "video/mp4",
        ".srt" => "application/x-subrip",
        ".vtt" => "text/vtt",
        ".ass" => "text/x-ssa",
        ".json" or ".otio" => "application/json",
        ".csv" => "text/csv; charset=utf-8",
        ".yaml" or ".yml" => "application/yaml",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".m4a" => "audio/mp4",
        ".mp3" => "audio/mpeg",
        ".wav" => "audio/wav",
        ".fountain" or ".txt" => "text/plain; charset=utf-8",
        ".zip" => "application/zip",
        _ => "application/octet-stream",
    };
}
