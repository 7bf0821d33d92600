using System.Text;
using System.Text.RegularExpressions;

namespace CloudReel.Azure.Blob;

/// <summary>
/// The container and blob names CloudReel sends, checked before they reach a URL: container names
/// as Storage defines them, blob names as '/'-separated segments with no empty, "." or ".." part,
/// no backslash and no control character; each segment percent-encoded on its own.
/// </summary>
public static partial class BlobNames
{
    public const int MaxBlobNameLength = 1024;

    public static string RequireContainer(string container) =>
        ContainerPattern().IsMatch(container) && !container.Contains("--", StringComparison.Ordinal)
            ? container
            : throw new ArgumentException($"'{container}' is not a container name (3-63 lower-case letters, digits and single dashes).", nameof(container));

    public static bool IsSafeBlobName(string name) =>
        name.Length is > 0 and <= MaxBlobNameLength
        && !name.Contains('\\', StringComparison.Ordinal)
        && !name.Any(char.IsControl)
        && name.Split('/').All(segment => segment.Length > 0 && segment is not ("." or ".."));

    public static string RequireBlobName(string name) =>
        IsSafeBlobName(name) ? name : throw new ArgumentException($"'{name}' is not a safe blob name (no empty, '.' or '..' segments, no backslashes).", nameof(name));

    /// <summary>The URL path of a blob: container, then each segment percent-encoded.</summary>
    public static string EncodePath(string container, string blobName)
    {
        var path = new StringBuilder(RequireContainer(container));
        foreach (var segment in RequireBlobName(blobName).Split('/'))
        {
            path.Append('/').Append(Uri.EscapeDataString(segment));
        }

        return path.ToString();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerPattern();
}
