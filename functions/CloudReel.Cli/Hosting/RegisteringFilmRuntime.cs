using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Hosting;

/// <summary>
/// The film runtime of `cloudreel serve`: every film it starts (over HTTP, from an event, as a
/// regeneration) is also entered in the film registry, so `cloudreel status`, `resume` and `approve`
/// know films that were not started by `render`.
/// </summary>
public sealed class RegisteringFilmRuntime(IFilmRuntime inner, FilmRegistry registry, IClipStore store, string outputRoot, string? rememberedStore, TimeProvider time)
    : IFilmRuntime
{
    public async Task<bool> StartFilmAsync(FilmRequest request, CancellationToken cancellationToken = default)
    {
        var started = await inner.StartFilmAsync(request, cancellationToken);
        if (started)
        {
            var title = OrderLoader.BindUnchecked(await store.ReadTextAsync(request.OrderName, cancellationToken), request.OrderName)?.Title;
            registry.Save(new FilmEntry(
                request.FilmId, title ?? request.FilmId, $"{store.Describe()} {request.OrderName}", outputRoot, rememberedStore ?? store.Describe(), time.GetUtcNow().UtcDateTime));
        }

        return started;
    }

    public Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.GetInstanceAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<WorkflowInstance>> ListInstancesAsync(string instanceIdPrefix, CancellationToken cancellationToken = default) =>
        inner.ListInstancesAsync(instanceIdPrefix, cancellationToken);

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) =>
        inner.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default) =>
        inner.TerminateAsync(instanceId, reason, cancellationToken);
}
