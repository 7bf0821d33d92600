using CloudReel.Core.Intake;
using CloudReel.Core.Text;

namespace CloudReel.Core.Batches;

/// <summary>
/// Batch ids are film-like ids (a slug of the batch's name and a hex tag), so a batch's outputs sit
/// beside its films and its instance is found like a film's. A row's film id is the batch id, the row
/// number and a slug of the row's key: unique in the batch, and listed with it by prefix.
/// </summary>
public static class BatchIds
{
    /// <summary>The same template and data always name the same batch: starting it again resumes it, never doubles it.</summary>
    public static string Derived(string name, params string[] identity) => FilmIds.Derived(name, ["batch", .. identity]);

    public static string Random(string name) => FilmIds.Random(name);

    public static string Film(string batchId, int row, string key) => $"{batchId}-{row}-{Slug.From(key, maxLength: 20, fallback: "row")}";

    /// <summary>What every film id of the batch starts with.</summary>
    public static string FilmPrefix(string batchId) => batchId + "-";
}
