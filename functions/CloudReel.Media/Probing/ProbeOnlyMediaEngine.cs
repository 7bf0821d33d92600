using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;

namespace CloudReel.Media.Probing;

/// <summary>
/// The media engine of a host that only checks clips (the Azure Functions app: a static ffprobe and
/// ffmpeg ship with it, no fonts); films are assembled by the assembler container, never here.
/// </summary>
public sealed class ProbeOnlyMediaEngine(FfprobeClipProber prober) : IMediaEngine
{
    public Task<Core.Models.ClipProbe> ProbeAsync(string path, CancellationToken cancellationToken = default) => prober.ProbeAsync(path, cancellationToken);

    public Task<AssemblyResult> AssembleAsync(
        FilmTimeline timeline,
        IReadOnlyDictionary<string, string> files,
        string outputDirectory,
        IProgress<AssemblyProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"Film {timeline.FilmId} cannot be assembled in this host: films here are assembled by the assembler container through the assembly queue.");
}
