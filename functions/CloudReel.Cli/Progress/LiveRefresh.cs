using Spectre.Console;
using Spectre.Console.Rendering;

namespace CloudReel.Cli.Progress;

/// <summary>
/// Redraws a live terminal display from a render function at a steady interval
/// until disposed, then once more so the last state stays on screen.
/// </summary>
internal sealed class LiveRefresh : IAsyncDisposable
{
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;

    public LiveRefresh(Func<IRenderable> render, TimeSpan interval)
    {
        _loop = AnsiConsole.Live(new Text("starting…"))
            .AutoClear(false)
            .StartAsync(async live =>
            {
                while (!_stop.Task.IsCompleted)
                {
                    live.UpdateTarget(render());
                    await Task.WhenAny(_stop.Task, Task.Delay(interval));
                }

                live.UpdateTarget(render());
            });
    }

    public async ValueTask DisposeAsync()
    {
        _stop.TrySetResult();
        await _loop;
    }
}
