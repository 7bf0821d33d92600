using CloudReel.Core.Ports;

namespace CloudReel.Media.Scratch;

/// <summary>
/// Scratch directories under one root (the CloudReel home's scratch/, else the system temp folder);
/// each is deleted when disposed. Downloads and frames pass through them, so every folder is the
/// owner's alone (0700), and folders a crash left behind (a day old) go on the first use after a start.
/// </summary>
public sealed class LocalScratchSpace(string? root = null) : IScratchSpace
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(24);

    private readonly string _root = root ?? Path.Combine(Path.GetTempPath(), "cloudreel");
    private int _swept;

    public IScratchDirectory CreateDirectory(string purpose)
    {
        if (Interlocked.Exchange(ref _swept, 1) == 0) RemoveStale();
        var path = Path.Combine(_root, $"{purpose}-{Guid.NewGuid():N}");
        CreateOwnerOnly(_root);
        CreateOwnerOnly(path);
        return new Folder(path);
    }

    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private void RemoveStale()
    {
        if (!Directory.Exists(_root)) return;
        foreach (var folder in Directory.EnumerateDirectories(_root))
        {
            if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) < StaleAfter) continue;
            new Folder(folder).Dispose();
        }
    }

    private sealed class Folder(string path) : IScratchDirectory
    {
        public string Path { get; } = path;

        public string FilePath(string fileName) => System.IO.Path.Combine(Path, fileName);

        public Stream CreateFile(string fileName) => File.Create(FilePath(fileName));

        public Stream OpenRead(string fileName) => File.OpenRead(FilePath(fileName));

        public IReadOnlyList<string> Files() =>
            Directory.EnumerateFiles(Path).Select(f => System.IO.Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder left behind is removed by a later start; never fail the work over it.
            }
        }
    }
}
