using CloudReel.Core.Ports;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CloudReel.Cli.Progress;

/// <summary>A live table in the terminal: the film's stage on top, a row per shot, assembly progress below.</summary>
public sealed class LiveProgressView : IProgressView
{
    private readonly Lock _gate = new();
    private readonly LiveRefresh _refresh;
    private FilmSnapshot? _snapshot;
    private AssemblyProgress? _assembly;

    public LiveProgressView()
    {
        _refresh = new LiveRefresh(Render, TimeSpan.FromMilliseconds(200));
    }

    public void Show(FilmSnapshot snapshot)
    {
        lock (_gate) _snapshot = snapshot;
    }

    public void Report(string filmId, AssemblyProgress progress)
    {
        lock (_gate) _assembly = progress;
    }

    public ValueTask DisposeAsync() => _refresh.DisposeAsync();

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
