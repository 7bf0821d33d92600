using CloudReel.Core.Models;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Tests.Planning;

/// <summary>Models, orders and sample files the planning tests share.</summary>
internal static class PlanningFixtures
{
    public static ModelCapabilities Animatic { get; } = new()
    {
        Name = "animatic",
        Version = "1",
        Durations = DurationOptions.Range(1, 30),
    };

    /// <summary>A model with a continuous 2–8 s range.</summary>
    public static ModelCapabilities ShortRange { get; } = new()
    {
        Name = "short-range",
        Version = "1",
        Durations = DurationOptions.Range(2, 8),
    };

    /// <summary>A model that only makes 5 s and 10 s clips.</summary>
    public static ModelCapabilities FiveOrTen { get; } = new()
    {
        Name = "five-or-ten",
        Version = "1",
        Durations = DurationOptions.Only(5, 10),
    };

    public static FilmOrder Brief(string brief, params string[] languages) => new()
    {
        Title = "Test film",
        Style = "watercolor",
        Languages = languages,
        Brief = brief,
    };

    public static FilmOrder Script(params string[] languages) => new()
    {
        Title = "Test film",
        Languages = languages,
        Script = "film.fountain",
    };

    /// <summary>A file under the repository's samples folder.</summary>
    public static string ReadSample(string relativePath)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "samples")))
        {
            directory = directory.Parent;
        }
        if (directory is null) throw new DirectoryNotFoundException("No samples folder above the test binaries.");
        return File.ReadAllText(Path.Combine(directory.FullName, "samples", relativePath));
    }
}
