namespace CloudReel.Core.Ports;

/// <summary>Reads a picture, a sound file or a video through, before anything is spent on the film that uses it.</summary>
public interface IMediaFileProbe
{
    /// <summary>Null when <paramref name="content"/> reads as a whole <paramref name="kind"/>; otherwise why not, in the user's terms.</summary>
    Task<string?> ProblemWithAsync(Stream content, MediaFileKind kind, CancellationToken cancellationToken = default);

    /// <summary>How long the video in <paramref name="content"/> runs, in seconds; null when it cannot be read.</summary>
    Task<double?> VideoSecondsAsync(Stream content, CancellationToken cancellationToken = default);
}

public enum MediaFileKind
{
    Picture,
    Sound,
    Video,
}
