namespace CloudReel.Core.Ports;

/// <summary>
/// Where a batch's own outputs live: beside its films' folders, under films/&lt;batch-id&gt;/ (a batch id
/// is an id like a film's), so a local run finds batch-report.json in its `-o` folder and Azure signs
/// read links to it as it does to a film's outputs.
/// </summary>
public static partial class StoreLayout
{
    public static string BatchFolder(string batchId) => FilmFolder(batchId);

    public static string BatchOutput(string batchId, string fileName) => FilmOutput(batchId, fileName);

    /// <summary>The subject of a batch's events: batches/&lt;batch-id&gt;.</summary>
    public static string BatchSubject(string batchId) => "batches/" + RequireId(batchId);
}
