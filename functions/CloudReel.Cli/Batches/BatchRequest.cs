using CloudReel.Cli.Commands;

namespace CloudReel.Cli.Batches;

/// <summary>What `cloudreel batch` was asked for.</summary>
/// <param name="Template">The template order file.</param>
/// <param name="Data">The rows: .csv, .jsonl or .json.</param>
/// <param name="Output">Where the films' folders go.</param>
/// <param name="FilmsAtOnce">How many films run at the same time.</param>
/// <param name="Budget">The most the whole batch may cost; null: no limit but the orders' own.</param>
public sealed record BatchRequest(FileInfo Template, FileInfo Data, DirectoryInfo Output, int FilmsAtOnce, decimal? Budget)
{
    /// <summary>The most a data file may hold: 1,000 rows of a long CSV line each fit many times over.</summary>
    public const long MaxDataBytes = 64L * 1024 * 1024;

    /// <summary>A real run shows each running film's shots in its progress view.</summary>
    public bool Detail { get; init; }

    /// <summary>What is wrong with the request in words, or null.</summary>
    public string? Problem()
    {
        if (!Template.Exists) return $"{Template.FullName}: no such file.";
        if (!Data.Exists) return $"{Data.FullName}: no such file.";
        if (FilmsAtOnce is < 1 or > BatchCommand.MaxFilmsAtOnce) return $"--films-at-once: {FilmsAtOnce} is not from 1 to {BatchCommand.MaxFilmsAtOnce}.";
        if (Budget is <= 0) return $"--budget: {Budget} must be more than 0.";
        return null;
    }
}
