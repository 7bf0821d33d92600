using CloudReel.Core.Intake;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Speech;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Reads the staged order from the store and validates it against the files staged with it and
/// the models and voices this host knows (an order dropped in the store comes in unchecked; the files were read
/// through when the order was taken, so here only the own clips of shots that give no length are measured, as
/// they were then). Paths in the valid order become store names.
/// </summary>
public sealed class ValidateOrderActivity(IClipStore store, IVideoModelCatalog models, IHostApplicationLifetime host, IMediaFileProbe? clipMeter = null, ISpeechChoices? speech = null)
    : TaskActivity<FilmRequest, ValidatedOrder>
{
    public override async Task<ValidatedOrder> RunAsync(TaskActivityContext context, FilmRequest request)
    {
        var text = await store.ReadTextAsync(request.OrderName, host.ApplicationStopping);
        var displayName = request.OrderName[StoreLayout.OrderFolder(request.FilmId).Length..];
        var files = new StoreOrderFiles(store, request.FilmId);
        var meter = clipMeter is null ? null : new ClipMeter(clipMeter, new StoreFolderFiles(store, StoreLayout.OrderFolder(request.FilmId)));
        var loader = models.OrderLoader(files, speech: speech, clipMeter: meter);
        var result = await loader.LoadAsync(text, displayName, host.ApplicationStopping);
        if (!result.IsValid) return new ValidatedOrder(null, result.Errors);

        // Every file passed the checks above, so each path (or fetched URL) has its store name.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, path) in result.Order!.ReferencedFiles())
        {
            names[path] = await files.StoreNameAsync(path, host.ApplicationStopping) ?? throw new InvalidOperationException($"{path} has no store name.");
        }

        return new ValidatedOrder(result.Order.MapPaths(path => names[path]), []);
    }
}
