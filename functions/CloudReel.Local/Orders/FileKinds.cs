using System.Runtime.InteropServices;

namespace CloudReel.Local.Orders;

/// <summary>
/// What a path really is, asked of the kernel: its real path (every link resolved, realpath(3)) and
/// its type without following a link or opening it (statx(2)), since opening a FIFO blocks and
/// FileInfo says nothing of FIFOs and devices.
/// </summary>
internal static partial class FileKinds
{
    private const int AtCurrentDirectory = -100; // AT_FDCWD
    private const int DoNotFollowLinks = 0x100; // AT_SYMLINK_NOFOLLOW
    private const uint TypeAndSize = 0x1 | 0x200; // STATX_TYPE | STATX_SIZE
    private const int TypeMask = 0xF000; // S_IFMT
    private const int RegularType = 0x8000; // S_IFREG
    private const int DirectoryType = 0x4000; // S_IFDIR
    private const int PathMax = 4096;

    /// <summary>The path with every link resolved, or null when it (or a folder on the way) does not exist.</summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux()) return File.Exists(path) || Directory.Exists(path) ? Path.GetFullPath(path) : null;
        var buffer = new byte[PathMax];
        if (RealPath(path, buffer) == IntPtr.Zero) return null;
        return System.Text.Encoding.UTF8.GetString(buffer, 0, Array.IndexOf(buffer, (byte)0));
    }

    /// <summary>True for a regular file; false for a folder, FIFO, socket or device (checked on the path itself, not a link's target).</summary>
    public static bool IsRegularFile(string realPath)
    {
        if (!OperatingSystem.IsLinux()) return File.Exists(realPath);
        return Statx(AtCurrentDirectory, realPath, DoNotFollowLinks, TypeAndSize, out var status) == 0 && (status.Mode & TypeMask) == RegularType;
    }

    /// <summary>True for a folder (checked on the path itself).</summary>
    public static bool IsDirectory(string realPath)
    {
        if (!OperatingSystem.IsLinux()) return Directory.Exists(realPath);
        return Statx(AtCurrentDirectory, realPath, DoNotFollowLinks, TypeAndSize, out var status) == 0 && (status.Mode & TypeMask) == DirectoryType;
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPath(string path, [Out] byte[] resolved);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>struct statx: the same layout on every Linux architecture; only the type and size are read.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;
    }
}
