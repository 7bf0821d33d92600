using CloudReel.Core.Ports;

namespace CloudReel.Cli.Progress;

/// <summary>Progress as plain lines, one per change: for logs, CI and redirected output.</summary>
public sealed class LineProgressView(TextWriter output) : IProgressView
{
    private readonly Dictionary<string, string> _shotStates = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private string? _stage;
    private readonly Dictionary<string, int> _assemblyPercentShown = new(StringComparer.Ordinal);

    public void Show(FilmSnapshot snapshot)
    {
        lock (_gate)
        {
            if (snapshot.Progress is { } progress && progress.Stage != _stage)
            {
                _stage = progress.Stage;
                output.WriteLine($"stage: {progress.Stage}{(progress.Message is null ? "" : $" — {progress.Message}")}");
            }

            foreach (var shot in snapshot.Shots)
            {
                var state = shot.Progress is { } p ? $"{p.State} ({p.Model})" : shot.Status.ToString().ToLowerInvariant();
                if (_shotStates.TryGetValue(shot.ShotId, out var last) && last == state) continue;
                _shotStates[shot.ShotId] = state;
                output.WriteLine($"  shot {shot.ShotId}: {state}");
            }
        }
    }

    public void Report(string filmId, AssemblyProgress progress)
    {
        lock (_gate)
        {
            var percent = (int)(progress.Fraction * 100) / 25 * 25;
            if (_assemblyPercentShown.TryGetValue(progress.Step, out var shown) && percent <= shown) return;
            _assemblyPercentShown[progress.Step] = percent;
            output.WriteLine($"  assembly {progress.Step}: {percent}%");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
