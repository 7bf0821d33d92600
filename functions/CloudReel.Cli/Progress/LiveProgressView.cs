using CloudReel.Core.Ports;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CloudReel.Cli.Progress;

/// <summary>A live table in the terminal: the film's stage on top, a row per shot, assembly progress below.</summary>
public sealed class LiveProgressView : IProgressView
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;
    private FilmSnapshot? _snapshot;
    private AssemblyProgress? _assembly;

    public LiveProgressView()
    {
        _loop = AnsiConsole.Live(new Text("starting…"))
            .AutoClear(false)
            .StartAsync(async live =>
            {
                while (!_stop.Task.IsCompleted)
                {
                    live.UpdateTarget(Render());
                    await Task.WhenAny(_stop.Task, Task.Delay(200));
                }

                live.UpdateTarget(Render());
            });
    }

    public void Show(FilmSnapshot snapshot)
    {
        lock (_gate) _snapshot = snapshot;
    }

    public void Report(string filmId, AssemblyProgress progress)
    {
        lock (_gate) _assembly = progress;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.TrySetResult();
        await _loop;
    }

    private IRenderable Render()
    {
        lock (_gate)
        {
            var progress = _snapshot?.Progress;
            var header = progress is null
                ? "[grey]starting…[/]"
                : $"[bold]{Markup.Escape(progress.Stage)}[/]  {progress.ShotsDone}/{progress.ShotsTotal} shots, {progress.ShotsFromCache} from cache"
                  + (progress.Message is null ? "" : $"  [grey]{Markup.Escape(progress.Message)}[/]");
            var table = new Table().Border(TableBorder.Rounded).Title(header);
            table.AddColumns("shot", "model", "state", "%");
            foreach (var shot in _snapshot?.Shots ?? [])
            {
                table.AddRow(
                    Markup.Escape(shot.ShotId),
                    Markup.Escape(shot.Progress?.Model ?? ""),
                    Markup.Escape(shot.Progress?.State ?? shot.Status.ToString().ToLowerInvariant()),
                    shot.Progress?.Percent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }

            if (_assembly is { } assembly)
            {
                table.Caption($"assembly {Markup.Escape(assembly.Step)}: {assembly.Fraction:P0}");
            }

            return table;
        }
    }
}
