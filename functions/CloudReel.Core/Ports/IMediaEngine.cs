using CloudReel.Core.Models;
using CloudReel.Core.Timeline;

namespace CloudReel.Core.Ports;

/// <summary>The media engine port: what the workflow needs from FFmpeg.</summary>
public interface IMediaEngine
{
    /// <summary>Probes a clip; throws <see cref="BadClipException"/> when it is not a decodable video.</summary>
    Task<ClipProbe> ProbeAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Assembles a film from its timeline. <paramref name="files"/> maps the store name of every file
    /// the timeline names (clips, music, logo, voice-overs) to a local file. Outputs are written into
    /// <paramref name="outputDirectory"/>.
    /// </summary>
    Task<AssemblyResult> AssembleAsync(
        FilmTimeline timeline,
        IReadOnlyDictionary<string, string> files,
        string outputDirectory,
        IProgress<AssemblyProgress>? progress = null,
        CancellationToken cancellationToken = default);
}

/// <summary>The files an assembly wrote, by file name, relative to its output directory.</summary>
public sealed record AssemblyResult(IReadOnlyList<string> Files, double FilmSeconds, int FilmFrames)
{
    /// <summary>The implicit AI-content label written into every film's metadata (GB 45438-2025 Appendix E).</summary>
    public string? ImplicitLabel { get; init; }

    /// <summary>Whether the films are draft previews (lower resolution, fast preset, one rendition).</summary>
    public bool Draft { get; init; }

    /// <summary>Per film written (each rendition, and the clean master): its chunks reused from earlier assemblies and encoded anew.</summary>
    public IReadOnlyList<RenditionReuse> Renditions { get; init; } = [];

    /// <summary>Whether the sound came whole from an earlier assembly (nothing audible changed).</summary>
    public bool SoundReused { get; init; }
}

/// <summary>
/// How one film file was made: of its <paramref name="Chunks"/> encoded chunks, how many were reused
/// from earlier assemblies and how many encoded now, and the encoding seconds the reused ones saved
/// (what they took when they were encoded).
/// </summary>
public sealed record RenditionReuse(string File, int Chunks, int Reused, int Encoded, double SecondsSaved);

/// <summary>How far an assembly is, as FFmpeg reports it.</summary>
public sealed record AssemblyProgress(string Step, double Fraction);

/// <summary>A clip that is not what a model promised: not decodable, no video, far too short.</summary>
public sealed class BadClipException(string message) : Exception(message);

/// <summary>A finished job whose clip can no longer be fetched (e.g. the provider's link expired and no fresh one is given).</summary>
public sealed class ClipUnavailableException(string message) : Exception(message);
