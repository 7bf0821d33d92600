namespace CloudReel.Core.Reports;

/// <summary>provenance.json: where every shot of a film came from.</summary>
public sealed record Provenance(
    string FilmId,
    string Title,
    string? Label,
    string Generator,
    IReadOnlyList<ShotProvenance> Shots)
{
    /// <summary>The implicit AI-content label every film carries in its metadata, under the key "AIGC".</summary>
    public string? ImplicitLabel { get; init; }

    public static Provenance From(FilmReport report) => new(
        report.FilmId,
        report.Title,
        report.Label,
        "CloudReel",
        report.ShotDetails.Where(s => s.Sha256 is not null).Select(s => new ShotProvenance(
            s.Id, s.Model!, s.ModelVersion!, s.Prompt!, s.Seed ?? 0, s.ContentKey!, s.Sha256!, s.Cost, s.Source.ToString().ToLowerInvariant(), report.Label)).ToList())
    {
        ImplicitLabel = report.ImplicitLabel,
    };
}

public sealed record ShotProvenance(
    string ShotId,
    string Model,
    string ModelVersion,
    string Prompt,
    long Seed,
    string ContentKey,
    string Sha256,
    decimal Cost,
    string Source,
    string? Label);
