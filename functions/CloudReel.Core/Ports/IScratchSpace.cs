namespace CloudReel.Core.Ports;

/// <summary>Local scratch files for activities that hand files to tools (downloads to probe, assembly outputs).</summary>
public interface IScratchSpace
{
    /// <summary>A new, empty, private directory; deleted when the returned handle is disposed.</summary>
    IScratchDirectory CreateDirectory(string purpose);
}

public interface IScratchDirectory : IDisposable
{
    string Path { get; }

    /// <summary>A path inside the directory for a new file (the file is not created).</summary>
    string FilePath(string fileName);

    Stream CreateFile(string fileName);

    Stream OpenRead(string fileName);

    /// <summary>Files in the directory, by name.</summary>
    IReadOnlyList<string> Files();
}
