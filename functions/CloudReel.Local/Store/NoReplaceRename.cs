using System.Runtime.InteropServices;

namespace CloudReel.Local.Store;

/// <summary>
/// Publishes a finished temporary file under its final name only if that name is free, atomically:
/// <c>link(2)</c> fails with EEXIST when another writer got there first. File.Move(overwrite: false)
/// is not enough on Linux: it checks that the target is missing, then renames, and a second writer
/// can rename over the first in between (two writers of one content key would both "win").
/// </summary>
internal static partial class NoReplaceRename
{
    private const int AlreadyExists = 17; // EEXIST

    /// <summary>True when <paramref name="source"/> now also has the name <paramref name="target"/>; false when the target already existed.</summary>
    public static bool TryLink(string source, string target)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return TryMove(source, target);
        if (Link(source, target) == 0) return true;
        var error = Marshal.GetLastPInvokeError();
        if (error == AlreadyExists) return false;

        // A file system without hard links: the racy move is the best there is.
        return TryMove(source, target);
    }

    private static bool TryMove(string source, string target)
    {
        try
        {
            File.Copy(source, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string oldPath, string newPath);
}
