using System.Text.Json.Nodes;

namespace CloudReel.Testing.Fakes;

/// <summary>How a fake's jobs end.</summary>
public enum JobOutcome
{
    /// <summary>A good clip of the length asked for.</summary>
    Clip,

    /// <summary>The job fails: the finished video was refused by the service's moderation.</summary>
    OutputModeration,

    /// <summary>The job fails for a reason of the service's own.</summary>
    Failure,

    /// <summary>A clip cut off before its end.</summary>
    TruncatedClip,

    /// <summary>A clip whose video does not decode.</summary>
    CorruptClip,

    /// <summary>A good clip far shorter than asked for.</summary>
    ShortClip,

    /// <summary>A clip of the length asked for whose picture stands still: a frozen take.</summary>
    FrozenClip,

    /// <summary>The first link to the clip has expired by the time it is fetched; the job's next status gives a fresh one.</summary>
    ExpiredLinkOnce,

    /// <summary>Every link to the clip has expired.</summary>
    ExpiredLink,
}

/// <summary>A job a fake service took, with what it was asked and how far it has got.</summary>
public sealed class FakeJob(string id, string? externalKey, double seconds, JsonNode request, DateTimeOffset created)
{
    private int _polls;

    public string Id { get; } = id;

    /// <summary>The client's own id for the job (external_task_id, payload, request_id, extra_data).</summary>
    public string? ExternalKey { get; } = externalKey;

    public double Seconds { get; } = seconds;

    public JsonNode Request { get; } = request;

    public DateTimeOffset Created { get; } = created;

    public JobOutcome Outcome { get; set; } = JobOutcome.Clip;

    /// <summary>Polls answered "still running" before the job ends.</summary>
    public int RunningPolls { get; set; } = 1;

    /// <summary>While set, the job stays running however often it is asked.</summary>
    public bool Held { get; set; }

    /// <summary>Bumped each time the service hands out a fresh download link.</summary>
    public int LinkGeneration { get; set; }

    public int Polls => _polls;

    public bool IsDone => !Held && _polls > RunningPolls;

    public bool Succeeded => IsDone && Outcome is not (JobOutcome.OutputModeration or JobOutcome.Failure);

    /// <summary>Counts a poll; returns whether the job is done after it.</summary>
    public bool Poll()
    {
        Interlocked.Increment(ref _polls);
        return IsDone;
    }

    public byte[] ClipBytes() => Outcome switch
    {
        JobOutcome.TruncatedClip => FakeClips.Truncated(Seconds),
        JobOutcome.CorruptClip => FakeClips.Corrupt(Seconds),
        JobOutcome.ShortClip => FakeClips.Of(1),
        JobOutcome.FrozenClip => FakeClips.Frozen(Seconds),
        _ => FakeClips.Of(Seconds),
    };
}
