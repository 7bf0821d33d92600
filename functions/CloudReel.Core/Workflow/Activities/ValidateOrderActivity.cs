using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Reads the staged order from the store and validates it against the files staged with it and
/// the models this host knows. Paths in the valid order become store names.
/// </summary>
public sealed class ValidateOrderActivity(IClipStore store, IVideoModelCatalog models) : Activity<FilmRequest, ValidatedOrder>
{
    public override async Task<ValidatedOrder> RunAsync(ActivityContext context, FilmRequest request)
    {
        var text = await store.ReadTextAsync(request.OrderName, context.CancellationToken);
        var displayName = request.OrderName[StoreLayout.OrderFolder(request.FilmId).Length..];
        var loader = new OrderLoader(new StoreOrderFiles(store, request.FilmId), models.CapabilitiesByName(), models.UnconfiguredModels());
        var result = await loader.LoadAsync(text, displayName, context.CancellationToken);
        return result.IsValid
            ? new ValidatedOrder(result.Order!.MapPaths(path => StoreLayout.OrderFile(request.FilmId, path)), [])
            : new ValidatedOrder(null, result.Errors);
    }
}
