using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow;

/// <summary>
/// Runs one assembly job against a clip store: every file the timeline names is materialised
/// locally, the media engine assembles, and every output goes to films/&lt;film-id&gt;/ with the
/// timeline it was made from. assembly-result.json is written last: its arrival means the film is
/// complete (in Azure, the BlobCreated event that reports it). Used in-process by the film workflow
/// and by <c>cloudreel assemble</c> in the assembler container alike; running a job again rewrites
/// the same outputs.
/// </summary>
public sealed class AssemblyJobRunner(IClipStore store, IMediaEngine media, IScratchSpace scratch)
{
    public const string JobFileName = "assembly-job.json";
    public const string ResultFileName = "assembly-result.json";
    public const string TimelineFileName = "timeline.json";

    /// <summary>Keeps the job beside the film's outputs, so the film can be assembled again from it alone.</summary>
    public Task SaveJobAsync(AssemblyJob job, CancellationToken cancellationToken = default) =>
        store.PutTextAsync(StoreLayout.FilmOutput(job.FilmId, JobFileName), System.Text.Json.JsonSerializer.Serialize(job, WorkflowJson.Indented),
            ContentTypes.Of(JobFileName), overwrite: true, cancellationToken);

    /// <summary>Reads the job kept at films/&lt;film-id&gt;/assembly-job.json.</summary>
    public async Task<AssemblyJob> LoadJobAsync(string filmId, CancellationToken cancellationToken = default) =>
        WorkflowJson.Deserialize<AssemblyJob>(await store.ReadTextAsync(StoreLayout.FilmOutput(filmId, JobFileName), cancellationToken))
            ?? throw new InvalidDataException($"{StoreLayout.FilmOutput(filmId, JobFileName)} holds no assembly job.");

    public async Task<AssemblyResult> RunAsync(AssemblyJob job, IProgress<AssemblyProgress>? progress, CancellationToken cancellationToken = default)
    {
        if (job.Timeline.FilmId != job.FilmId)
        {
            throw new InvalidDataException($"The job is for film {job.FilmId} but its timeline is for film {job.Timeline.FilmId}.");
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in job.Timeline.StoreNames())
        {
            files[name] = await store.GetLocalPathAsync(name, cancellationToken);
        }

        using var output = scratch.CreateDirectory("assembly");
        var result = await media.AssembleAsync(job.Timeline, files, output.Path, progress, cancellationToken);
        await using (var timeline = output.CreateFile(TimelineFileName))
        {
            await System.Text.Json.JsonSerializer.SerializeAsync(timeline, job.Timeline, WorkflowJson.Indented, cancellationToken);
        }

        var written = result.Files.Append(TimelineFileName).Distinct(StringComparer.Ordinal).ToList();
        foreach (var file in written)
        {
            await using var content = output.OpenRead(file);
            await store.PutAsync(StoreLayout.FilmOutput(job.FilmId, file), content, ContentTypes.Of(file), overwrite: true, cancellationToken);
        }

        var complete = result with { Files = written };
        await store.PutTextAsync(StoreLayout.FilmOutput(job.FilmId, ResultFileName), System.Text.Json.JsonSerializer.Serialize(complete, WorkflowJson.Indented),
            ContentTypes.Of(ResultFileName), overwrite: true, cancellationToken);
        return complete;
    }
}
