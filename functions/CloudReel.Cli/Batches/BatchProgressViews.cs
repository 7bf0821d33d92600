using System.Globalization;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Cli.Progress;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CloudReel.Cli.Batches;

/// <summary>How a running batch is shown: a live table in a terminal, plain lines otherwise; with <c>--detail</c>, each running film's shots too.</summary>
public interface IBatchProgressView : IProgressView<BatchSnapshot>;

/// <summary>The batch's counts and cost in one line, as the batch shows them.</summary>
internal static class BatchLines
{
    public static string Counts(BatchProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Done + p.Failed}/{p.Total} rows: {p.Done} done, {p.Running} running, {p.Failed} failed, {p.Waiting} waiting; cost so far {p.Cost:0.00} {p.Currency}");
}

/// <summary>Progress as plain lines: one per row that starts or ends, the counts when they change, and with detail each running film's shots.</summary>
public sealed class LineBatchProgressView(TextWriter output, bool detail) : IBatchProgressView
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _shown = new(StringComparer.Ordinal);
    private string _states = "";
    private string? _counts;

    public void Show(BatchSnapshot snapshot)
    {
        lock (_gate)
        {
            if (snapshot.Progress is not { } progress) return;
            for (var i = 0; i < progress.RowStates.Length && i < snapshot.Batch.Films.Count; i++)
            {
                var state = progress.RowStates[i];
                if (i < _states.Length && _states[i] == state) continue;
                if (state == BatchRowStates.Waiting) continue;
                var row = snapshot.Batch.Films[i];
                output.WriteLine($"row {row.Row} {row.Key}: {BatchRowStates.Name(state)} ({row.Film.FilmId})");
            }

            _states = progress.RowStates;
            var counts = BatchLines.Counts(progress);
            if (counts != _counts) output.WriteLine(_counts = counts);
            if (!detail) return;
            foreach (var (row, film) in snapshot.Running)
            {
                foreach (var shot in film.Shots)
                {
                    var state = shot.Progress is { } p ? $"{p.State} ({p.Model})" : shot.Status.ToString().ToLowerInvariant();
                    var id = $"{row.Key}/{shot.ShotId}";
                    if (_shown.TryGetValue(id, out var last) && last == state) continue;
                    _shown[id] = state;
                    output.WriteLine($"  {row.Key} shot {shot.ShotId}: {state}");
                }
            }
        }
    }

    public void Report(string filmId, AssemblyProgress progress)
    {
        // Assembly steps of one film among hundreds are noise in plain lines; the row's end is shown.
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A live table: the batch's counts and cost on top, a row per running film (its stage and shots), with detail each of its shots.</summary>
public sealed class LiveBatchProgressView : IBatchProgressView
{
    private readonly Lock _gate = new();
    private readonly bool _detail;
    private readonly LiveRefresh _refresh;
    private BatchSnapshot? _snapshot;

    public LiveBatchProgressView(bool detail)
    {
        _detail = detail;
        _refresh = new LiveRefresh(Render, TimeSpan.FromMilliseconds(250));
    }

    public void Show(BatchSnapshot snapshot)
    {
        lock (_gate) _snapshot = snapshot;
    }

    public void Report(string filmId, AssemblyProgress progress)
    {
        // The film's row shows its stage; assembly percentages of many films at once would flicker.
    }

    public ValueTask DisposeAsync() => _refresh.DisposeAsync();

    private IRenderable Render()
    {
        lock (_gate)
        {
            var progress = _snapshot?.Progress;
            var table = new Table().Border(TableBorder.Rounded).Title(progress is null ? "[grey]starting…[/]" : Markup.Escape(BatchLines.Counts(progress)));
            table.AddColumns("row", "key", "film", "stage", "shots");
            foreach (var (row, film) in _snapshot?.Running ?? [])
            {
                var p = film.Progress;
                table.AddRow(
                    row.Row.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(row.Key),
                    Markup.Escape(row.Film.FilmId),
                    Markup.Escape(p?.Stage ?? "starting"),
                    p is null ? "" : $"{p.ShotsDone}/{p.ShotsTotal}");
                if (!_detail) continue;
                foreach (var shot in film.Shots)
                {
                    table.AddRow("", "", Markup.Escape("  " + shot.ShotId), Markup.Escape(shot.Progress?.State ?? shot.Status.ToString().ToLowerInvariant()), Markup.Escape(shot.Progress?.Model ?? ""));
                }
            }

            return table;
        }
    }
}
