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

    /// <summary>Folders of this kind older than this were left behind by a crash: the first use after a start removes them.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(24);

    private static int _swept;

    /// <summary>
    /// Creates <c>cloudreel-&lt;purpose&gt;-&lt;random&gt;</c> under the temp folder (or /tmp when that path is
    /// unsafe), the owner's alone (0700): prompts, sound mixes and captions pass through it.
    /// </summary>
    public static ScratchDirectory Create(string purpose)
    {
        RequireSafeName(purpose);
        var root = System.IO.Path.GetTempPath();
        if (!IsSafePath(root)) root = "/tmp";
        if (Interlocked.Exchange(ref _swept, 1) == 0) RemoveStale(root);
        var path = System.IO.Path.Combine(root, $"cloudreel-{purpose}-{Guid.NewGuid():N}");
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new ScratchDirectory(path);
    }

    /// <summary>Removes scratch folders of ours under <paramref name="root"/> not touched for <see cref="StaleAfter"/> (others' are left alone).</summary>
    public static void RemoveStale(string root)
    {
        foreach (var folder in Directory.EnumerateDirectories(root, "cloudreel-*"))
        {
            if (!OwnName().IsMatch(System.IO.Path.GetFileName(folder))) continue;
            if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) < StaleAfter) continue;
            new ScratchDirectory(folder).Dispose();
        }
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

    [GeneratedRegex("^cloudreel-[A-Za-z0-9_-]+-[0-9a-f]{32}$")]
    private static partial Regex OwnName();

    [GeneratedRegex("^[A-Za-z0-9/._-]+$")]
    private static partial Regex SafePath();

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]*$")]
    private static partial Regex SafeName();
}
