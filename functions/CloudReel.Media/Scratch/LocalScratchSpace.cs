using CloudReel.Core.Ports;

namespace CloudReel.Media.Scratch;

/// <summary>Scratch directories under one root (the system temp folder by default); each is deleted when disposed.</summary>
public sealed class LocalScratchSpace(string? root = null) : IScratchSpace
{
    private readonly string _root = root ?? Path.Combine(Path.GetTempPath(), "cloudreel");

    public IScratchDirectory CreateDirectory(string purpose)
    {
        var path = Path.Combine(_root, $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new Folder(path);
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
                // A scratch folder left behind is harmless; never fail the work over it.
            }
        }
    }
}
