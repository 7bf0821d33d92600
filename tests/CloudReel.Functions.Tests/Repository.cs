using System.Text.RegularExpressions;

namespace CloudReel.Functions.Tests;

/// <summary>Files of the repository, read as text.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>Every match of <paramref name="pattern"/> in a file, as its groups.</summary>
    public static IReadOnlyList<string[]> Matches(string relativePath, string pattern) =>
        Regex.Matches(Read(relativePath), pattern, RegexOptions.Singleline)
            .Select(m => m.Groups.Cast<Group>().Skip(1).Select(g => g.Value).ToArray())
            .ToList();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CloudReel.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("The tests must run inside the CloudReel repository.");
    }
}
