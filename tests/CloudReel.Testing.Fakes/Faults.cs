using System.Collections.Concurrent;

namespace CloudReel.Testing.Fakes;

/// <summary>The calls of a fake service that faults can be injected into.</summary>
public enum Operation
{
    Submit,
    Status,
    Download,
    List,
}

/// <summary>What a fake does instead of answering normally.</summary>
public enum FaultKind
{
    /// <summary>429 with a Retry-After header and the service's rate-limit error.</summary>
    TooManyRequests,

    /// <summary>An error status (5xx by default) with the service's error body.</summary>
    ServerError,

    /// <summary>Takes the request (a submit makes its job), then answers only after a long delay.</summary>
    Hang,

    /// <summary>Takes the request (a submit makes its job), then answers 200 with broken JSON.</summary>
    MalformedJson,

    /// <summary>Refuses a submit for moderation, with the service's own code.</summary>
    Moderation,

    /// <summary>Refuses a submit because the account's quota or credit is exhausted.</summary>
    QuotaExhausted,

    /// <summary>Closes the connection after sending half of the promised body.</summary>
    CutConnection,
}

/// <summary>One injected fault.</summary>
public sealed record Fault(FaultKind Kind, int Status = 500, TimeSpan? Delay = null, bool AfterCreate = false)
{
    public static Fault TooManyRequests(double retryAfterSeconds = 1) => new(FaultKind.TooManyRequests, 429, TimeSpan.FromSeconds(retryAfterSeconds));

    /// <summary>An error status; with <paramref name="afterCreate"/> the submit made its job before failing (a real ambiguity).</summary>
    public static Fault ServerError(int status = 500, bool afterCreate = false) => new(FaultKind.ServerError, status, AfterCreate: afterCreate);

    public static Fault Hang(double seconds = 30) => new(FaultKind.Hang, Delay: TimeSpan.FromSeconds(seconds));

    public static Fault MalformedJson() => new(FaultKind.MalformedJson, 200);

    public static Fault Moderation() => new(FaultKind.Moderation, 400);

    public static Fault QuotaExhausted() => new(FaultKind.QuotaExhausted, 429);

    public static Fault CutConnection() => new(FaultKind.CutConnection, 200);
}

/// <summary>Faults queued per operation: each call takes the next one, if any.</summary>
public sealed class FaultScript
{
    private readonly ConcurrentDictionary<Operation, ConcurrentQueue<Fault>> _queues = new();

    /// <summary>Queues a fault for the next <paramref name="times"/> calls of <paramref name="operation"/>.</summary>
    public FaultScript Add(Operation operation, Fault fault, int times = 1)
    {
        var queue = _queues.GetOrAdd(operation, _ => new ConcurrentQueue<Fault>());
        for (var i = 0; i < times; i++) queue.Enqueue(fault);
        return this;
    }

    public Fault? Next(Operation operation) => _queues.TryGetValue(operation, out var queue) && queue.TryDequeue(out var fault) ? fault : null;

    public int Pending(Operation operation) => _queues.TryGetValue(operation, out var queue) ? queue.Count : 0;
}
