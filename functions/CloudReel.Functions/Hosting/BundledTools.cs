namespace CloudReel.Functions.Hosting;

/// <summary>
/// The static ffmpeg and ffprobe shipped in the app's tools/ folder. A deployment package may lose the
/// executable bit, and the app folder is read-only, so when needed they are copied once to a temp
/// folder and made executable there.
/// </summary>
public static class BundledTools
{
    public static string? PathOf(string tool)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "tools", tool);
        if (!File.Exists(shipped) || OperatingSystem.IsWindows()) return File.Exists(shipped) ? shipped : null;
        if ((File.GetUnixFileMode(shipped) & UnixFileMode.UserExecute) != 0) return shipped;

        var copy = Path.Combine(Path.GetTempPath(), "cloudreel-tools", tool);
        if (!File.Exists(copy))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(shipped, copy, overwrite: true);
            File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return copy;
    }
}
