using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests;

/// <summary>
/// The assembler's Dockerfile cannot be built here (no Docker engine); these keep it true to the
/// repository: what it copies exists and is all the CLI needs, and its entrypoint is the command the tests run.
/// </summary>
public sealed class AssemblerContainerTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(Workspace.RepositoryRoot, "infra", "assembler", "Dockerfile"));

    [Fact]
    public void Dockerfile_Copies_EveryProjectTheCliBuildsFromAndNothingMissing()
    {
        var copied = Dockerfile.Split('\n')
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();
        copied.Should().OnlyContain(path => File.Exists(Path.Combine(Workspace.RepositoryRoot, path)) || Directory.Exists(Path.Combine(Workspace.RepositoryRoot, path)));

        var projects = new Queue<string>(["functions/CloudReel.Cli/CloudReel.Cli.csproj"]);
        var seen = new HashSet<string>();
        while (projects.TryDequeue(out var project))
        {
            if (!seen.Add(project)) continue;
            copied.Should().Contain(Path.GetDirectoryName(project)!.Replace('\\', '/') + "/", $"{project} is built into the CLI");
            foreach (var reference in System.Xml.Linq.XDocument.Load(Path.Combine(Workspace.RepositoryRoot, project)).Descendants("ProjectReference"))
            {
                var path = Path.GetFullPath(Path.Combine(Workspace.RepositoryRoot, Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value));
                projects.Enqueue(Path.GetRelativePath(Workspace.RepositoryRoot, path).Replace('\\', '/'));
            }
        }
    }

    [Fact]
    public void Dockerfile_Runtime_FfmpegCjkFontsNonRootAndTheAssembleEntrypoint()
    {
        Dockerfile.Should().Contain("ffmpeg fonts-noto-cjk");
        Dockerfile.Should().Contain("USER 10001");
        Dockerfile.Should().Contain("ENTRYPOINT [\"dotnet\", \"/app/cloudreel.dll\", \"assemble\"]");
    }
}
