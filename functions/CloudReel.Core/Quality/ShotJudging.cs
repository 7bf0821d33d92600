namespace CloudReel.Core.Quality;

/// <summary>A picture handed to the judge: its bytes and media type (image/jpeg, image/png, image/webp).</summary>
public sealed record JudgedImage(ReadOnlyMemory<byte> Bytes, string MediaType);

/// <summary>A character the shot should show as the cast describes it.</summary>
/// <param name="Name">How the order names the character.</param>
/// <param name="Description">The fixed description of the look.</param>
/// <param name="Pictures">Reference pictures of the character.</param>
public sealed record JudgedCharacter(string Name, string Description, IReadOnlyList<JudgedImage> Pictures);

/// <summary>What a judge compares: frames sampled from the clip against the shot's prompt, the cast in it and the film's look.</summary>
/// <param name="Prompt">What the shot was asked to show.</param>
/// <param name="Frames">Frames sampled evenly from the clip, in order.</param>
/// <param name="Cast">The characters in the shot.</param>
/// <param name="Look">The film's style text.</param>
/// <param name="LookPictures">Pictures of the look.</param>
public sealed record JudgeRequest(
    string Prompt,
    IReadOnlyList<JudgedImage> Frames,
    IReadOnlyList<JudgedCharacter> Cast,
    string Look,
    IReadOnlyList<JudgedImage> LookPictures);

/// <summary>A judge's answer: pass or fail, a score from 0 to 1, the reason, and what asking cost.</summary>
public sealed record JudgeVerdict(bool Pass, double Score, string Reason)
{
    public decimal Cost { get; init; }

    public QualityCheck ToCheck() => new("judge", Pass, Reason, Score: Score) { Cost = Cost };
}

/// <summary>A vision model that judges whether a clip shows its shot, its cast and the film's look.</summary>
public interface IShotJudge
{
    /// <summary>How reports name the judge, e.g. "azure-openai (gpt-4o)".</summary>
    string Name { get; }

    /// <summary>How many frames, evenly spread, the judge is shown of each clip (setting Judge:Frames).</summary>
    int FramesPerClip { get; }

    Task<JudgeVerdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default);
}
