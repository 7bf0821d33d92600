namespace CloudReel.Cli.Tests.Support;

/// <summary>A temporary folder for one test: orders, the cloudreel home and the outputs.</summary>
internal sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "cloudreel-e2e", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Cli = new CliRunner(Path.Combine(Root, "home"), Root);
    }

    public string Root { get; }

    public CliRunner Cli { get; }

    public string Out => Path.Combine(Root, "out");

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string FilmFolder(string filmId) => Path.Combine(Out, filmId);

    /// <summary>Copies a file of the repository (e.g. a sample) into the workspace.</summary>
    public string CopyFromRepository(string repositoryPath, string relativePath)
    {
        var target = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(RepositoryRoot, repositoryPath), target, overwrite: true);
        return target;
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up; a test never fails over its scratch folder.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CloudReel.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("The tests must run inside the CloudReel repository.");
    }
}
