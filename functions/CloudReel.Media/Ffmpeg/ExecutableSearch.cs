namespace CloudReel.Media.Ffmpeg;

/// <summary>Finds an executable the way a shell would: an explicit path, else the first match on PATH.</summary>
internal static class ExecutableSearch
{
    public static string? Find(string name, string? explicitPath, string? pathVariable)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : null;
        }

        foreach (var directory in (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe")) return Path.GetFullPath(candidate + ".exe");
        }

        return null;
    }
}
