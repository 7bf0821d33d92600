using CloudReel.Core.Ports;

namespace CloudReel.Cli.Progress;

/// <summary>How a running film is shown: a live table in a terminal, plain lines otherwise.</summary>
public interface IProgressView : IProgressView<FilmSnapshot>;

/// <summary>
/// Lets the engine's services report assembly progress before the view exists (the view needs the
/// film id, the services are built first).
/// </summary>
public sealed class ProgressRelay : IAssemblyProgressSink
{
    public IAssemblyProgressSink? Target { get; set; }

    public void Report(string filmId, AssemblyProgress progress) => Target?.Report(filmId, progress);
}
