using CloudReel.Core.Intake;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Plans a validated order with <see cref="PlanPreview"/>, from the files staged with it: the same
/// plan `cloudreel plan` and `render --dry-run` show. With the film's speech, 'seconds: auto' shots follow its measured length.
/// </summary>
public sealed class PlanFilmActivity(PlanPreview preview, IClipStore store, IHostApplicationLifetime host) : TaskActivity<PlanRequest, PlannedFilm>
{
    public override async Task<PlannedFilm> RunAsync(TaskActivityContext context, PlanRequest request)
    {
        var folder = StoreLayout.OrderFolder(request.FilmId);
        var relative = request.Order.MapPaths(path => path.StartsWith(folder, StringComparison.Ordinal) ? path[folder.Length..] : path);
        var planned = await preview.PlanAsync(relative, new StoreFolderFiles(store, folder), path => folder + path, host.ApplicationStopping, request.Speech);
        return planned.Plan;
    }
}
