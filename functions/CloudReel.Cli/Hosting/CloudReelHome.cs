namespace CloudReel.Cli.Hosting;

/// <summary>
/// The folder where CloudReel keeps its state on this machine (default ./.cloudreel, or
/// $CLOUDREEL_HOME, or --home): the workflow journal (which also keeps what each film is), the clip store, scratch.
/// </summary>
public sealed class CloudReelHome(string root)
{
    public const string EnvironmentVariable = "CLOUDREEL_HOME";

    public string Root { get; } = Path.GetFullPath(root);

    public string JournalPath => Path.Combine(Root, "journal.db");

    public string StorePath => Path.Combine(Root, "store");

    public string ScratchPath => Path.Combine(Root, "scratch");

    public string AnimaticWorkPath => Path.Combine(Root, "animatic");

    /// <summary>Local copies of blobs for FFmpeg when the clip store is Blob Storage.</summary>
    public string BlobCachePath => Path.Combine(Root, "cache", "blobs");

    public static CloudReelHome Resolve(string? option) =>
        new(option ?? Environment.GetEnvironmentVariable(EnvironmentVariable) ?? ".cloudreel");

    public CloudReelHome EnsureCreated()
    {
        foreach (var path in new[] { Root, StorePath, ScratchPath, AnimaticWorkPath })
        {
            Directory.CreateDirectory(path);
        }

        return this;
    }
}
