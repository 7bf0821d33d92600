using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests;

/// <summary>
/// The assembler's Dockerfile cannot be built here (no Docker engine); these keep it true to the
/// repository: what it copies exists and is exactly what the assembler console builds from (Core, Media,
/// Azure: not the CLI), and its entrypoint is the console the queue tests run.
/// </summary>
public sealed class AssemblerContainerTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(Workspace.RepositoryRoot, "infra", "assembler", "Dockerfile"));

    [Fact]
    public void Dockerfile_Copies_ExactlyTheProjectsTheAssemblerBuildsFrom()
    {
        var copied = Dockerfile.Split('\n')
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();
        copied.Should().OnlyContain(path => File.Exists(Path.Combine(Workspace.RepositoryRoot, path)) || Directory.Exists(Path.Combine(Workspace.RepositoryRoot, path)));

        var projects = new Queue<string>(["functions/CloudReel.Assembler/CloudReel.Assembler.csproj"]);
        var seen = new HashSet<string>();
        while (projects.TryDequeue(out var project))
        {
            if (!seen.Add(project)) continue;
            copied.Should().Contain(Path.GetDirectoryName(project)!.Replace('\\', '/') + "/", $"{project} is built into the assembler");
            foreach (var reference in System.Xml.Linq.XDocument.Load(Path.Combine(Workspace.RepositoryRoot, project)).Descendants("ProjectReference"))
            {
                var path = Path.GetFullPath(Path.Combine(Workspace.RepositoryRoot, Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value));
                projects.Enqueue(Path.GetRelativePath(Workspace.RepositoryRoot, path).Replace('\\', '/'));
            }
        }

        copied.Where(path => path.StartsWith("functions/", StringComparison.Ordinal)).Should()
            .BeEquivalentTo(seen.Select(project => Path.GetDirectoryName(project)!.Replace('\\', '/') + "/"), "the image holds the assembler and what it references, nothing else");
        seen.Should().HaveCount(4, "Core, Media, Azure and the console");
    }

    [Fact]
    public void Dockerfile_Runtime_FfmpegCjkFontsNonRootAndTheAssemblerEntrypoint()
    {
        Dockerfile.Should().Contain("ffmpeg fonts-noto-cjk");
        Dockerfile.Should().Contain("USER 10001");
        Dockerfile.Should().Contain("ENTRYPOINT [\"dotnet\", \"/app/cloudreel-assembler.dll\"]");
    }
}
