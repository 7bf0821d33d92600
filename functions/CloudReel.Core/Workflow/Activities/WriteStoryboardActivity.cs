using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Writes storyboard.yaml beside the film's outputs: the planned order, editable and renderable,
/// with paths relative to the staged order again. This is what an approver reviews.
/// </summary>
public sealed class WriteStoryboardActivity(IClipStore store, IHostApplicationLifetime host) : TaskActivity<StoryboardRequest, string>
{
    public const string FileName = "storyboard.yaml";

    public override async Task<string> RunAsync(TaskActivityContext context, StoryboardRequest request)
    {
        var folder = StoreLayout.OrderFolder(request.FilmId);
        var order = request.Plan.Order.MapPaths(path => path.StartsWith(folder, StringComparison.Ordinal) ? path[folder.Length..] : path);
        var comments = new List<string> { $"Storyboard of film {request.FilmId}: {request.Plan.Shots.Count} shots, estimated cost {request.Plan.EstimatedCost:0.00}." };
        comments.AddRange(request.Plan.Notes);
        var name = StoreLayout.FilmOutput(request.FilmId, FileName);
        await store.PutTextAsync(name, OrderYamlWriter.Write(order, schemaPath: null, comments), ContentTypes.Of(FileName), overwrite: true, host.ApplicationStopping);
        return name;
    }
}
