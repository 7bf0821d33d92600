namespace CloudReel.Cli.Hosting;

/// <summary>Tells a full disk from other input/output failures.</summary>
public static class DiskSpace
{
    private const int DiskFullWindows = 0x70;
    private const int NoSpaceUnix = 28;

    /// <summary>True when <paramref name="error"/> is a write that found no space left on its device.</summary>
    public static bool IsFull(IOException error) =>
        (error.HResult & 0xFFFF) is DiskFullWindows or NoSpaceUnix
        || error.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);
}
