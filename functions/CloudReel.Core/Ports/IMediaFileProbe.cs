namespace CloudReel.Core.Ports;

/// <summary>Reads a picture or a sound file through, before anything is spent on the film that uses it.</summary>
public interface IMediaFileProbe
{
    /// <summary>Null when <paramref name="content"/> reads as a whole <paramref name="kind"/>; otherwise why not, in the user's terms.</summary>
    Task<string?> ProblemWithAsync(Stream content, MediaFileKind kind, CancellationToken cancellationToken = default);
}

public enum MediaFileKind
{
    Picture,
    Sound,
}
