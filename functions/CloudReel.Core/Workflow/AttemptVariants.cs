using CloudReel.Core.Models;

namespace CloudReel.Core.Workflow;

/// <summary>
/// The attempts a shot's orchestration derives from a planned one, each with its own content key:
/// the shot continued from the clip before it in its sequence, and retakes with new seeds. Pure, so
/// the orchestration replays them identically.
/// </summary>
public static class AttemptVariants
{
    /// <summary>
    /// The attempt starting from <paramref name="lastFrame"/>, the last frame of the clip whose SHA-256 is
    /// <paramref name="previousClipSha256"/>: that hash is part of the key, so a new clip before it makes this one new too.
    /// </summary>
    public static ModelAttempt ContinuingFrom(this ModelAttempt attempt, string previousClipSha256, ReferenceImage lastFrame)
    {
        var request = attempt.Request with
        {
            ContinuesFrom = previousClipSha256,
            References = [lastFrame with { Role = ReferenceRole.FirstFrame }, .. attempt.Request.References.Where(r => r.Role != ReferenceRole.FirstFrame)],
        };
        return Rekeyed(attempt, request);
    }

    /// <summary>Take <paramref name="take"/> (0 is the planned one): the same request with the next seeds, a clip of its own.</summary>
    public static ModelAttempt Retake(this ModelAttempt attempt, int take) =>
        take == 0 ? attempt : Rekeyed(attempt, attempt.Request with { Seed = unchecked(attempt.Request.Seed + take) });

    private static ModelAttempt Rekeyed(ModelAttempt attempt, ShotRequest request) =>
        attempt with { Request = request, ContentKey = ContentKey.For(attempt.Model, attempt.ModelVersion, request) };
}
