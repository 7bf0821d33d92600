using System.Text.RegularExpressions;

namespace CloudReel.Media.Ffmpeg;

/// <summary>
/// A private scratch folder whose path holds only characters that are safe anywhere in an FFmpeg
/// argument or filter option (<c>A-Z a-z 0-9 / . _ -</c>). Deleted on dispose.
/// </summary>
public sealed partial class ScratchDirectory : IDisposable
{
    private ScratchDirectory(string path) => Path = path;

    public string Path { get; }

    /// <summary>Creates <c>cloudreel-&lt;purpose&gt;-&lt;random&gt;</c> under the temp folder (or /tmp when that path is unsafe).</summary>
    public static ScratchDirectory Create(string purpose)
    {
        RequireSafeName(purpose);
        var root = System.IO.Path.GetTempPath();
        if (!IsSafePath(root)) root = "/tmp";
        var path = System.IO.Path.Combine(root, $"cloudreel-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new ScratchDirectory(path);
    }

    /// <summary>The path of a file in this folder; <paramref name="name"/> must be a safe plain file name.</summary>
    public string File(string name)
    {
        RequireSafeName(name);
        return System.IO.Path.Combine(Path, name);
    }

    public static bool IsSafePath(string path) => SafePath().IsMatch(path) && !path.Contains("..", StringComparison.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a scratch folder left in /tmp is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void RequireSafeName(string name)
    {
        if (!SafeName().IsMatch(name)) throw new ArgumentException($"Unsafe scratch file name '{name}'.", nameof(name));
    }

    [GeneratedRegex("^[A-Za-z0-9/._-]+$")]
    private static partial Regex SafePath();

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]*$")]
    private static partial Regex SafeName();
}
