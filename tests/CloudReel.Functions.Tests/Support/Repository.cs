namespace CloudReel.Functions.Tests;

/// <summary>Files of the repository, read as text.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CloudReel.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("The tests must run inside the CloudReel repository.");
    }
}
