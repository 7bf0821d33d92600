using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Assembles a film in this process: clips from the store, FFmpeg through the media engine,
/// outputs (and the timeline they were made from) back to films/&lt;film-id&gt;/.
/// </summary>
public sealed class AssembleFilmActivity(IClipStore store, IMediaEngine media, IScratchSpace scratch, IAssemblyProgressSink progressSink)
    : Activity<AssemblyJob, AssemblyResult>
{
    public const string TimelineFileName = "timeline.json";

    public override async Task<AssemblyResult> RunAsync(ActivityContext context, AssemblyJob job)
    {
        var cancellation = context.CancellationToken;
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in job.Timeline.Clips.Select(c => c.ClipName).Distinct(StringComparer.Ordinal))
        {
            paths[name] = await store.GetLocalPathAsync(name, cancellation);
        }

        using var output = scratch.CreateDirectory("assembly");
        var progress = new Progress<AssemblyProgress>(p => progressSink.Report(job.FilmId, p));
        var result = await media.AssembleAsync(job.Timeline, paths, output.Path, progress, cancellation);

        await using (var timeline = output.CreateFile(TimelineFileName))
        {
            await System.Text.Json.JsonSerializer.SerializeAsync(timeline, job.Timeline, WorkflowJson.Indented, cancellation);
        }

        var files = result.Files.Append(TimelineFileName).Distinct(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            await using var content = output.OpenRead(file);
            await store.PutAsync(StoreLayout.FilmOutput(job.FilmId, file), content, ContentTypes.Of(file), overwrite: true, cancellation);
        }

        return result with { Files = files };
    }
}
