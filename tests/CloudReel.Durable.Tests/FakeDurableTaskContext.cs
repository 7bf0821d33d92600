using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Durable.Tests;

/// <summary>
/// Stands in for Durable Task's context as the Functions shim presents it: activities answer from a
/// script; a thrown exception becomes a <see cref="DurableTaskFailedException"/>, as the shim does.
/// </summary>
internal sealed class FakeDurableTaskContext(Func<string, object?, object?> activities) : IDurableTaskContext
{
    private DateTime _now = new(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc);

    public List<(string Name, object? Input, DurableCallOptions Options)> Calls { get; } = [];

    public List<object?> Statuses { get; } = [];

    public string Name => "FilmOrchestration";

    public string InstanceId => "film-1";

    public DateTime CurrentUtcDateTime => _now;

    public bool IsReplaying { get; set; }

    public ILoggerFactory ReplaySafeLoggerFactory { get; set; } = NullLoggerFactory.Instance;

    public Task<T> CallActivityAsync<T>(string name, object? input, DurableCallOptions options)
    {
        Calls.Add((name, input, options));
        try
        {
            return Task.FromResult((T)activities(name, input)!);
        }
        catch (Exception error)
        {
            var failure = new DurableFailure(error.GetType().FullName!, error.Message, error.StackTrace, null);
            return Task.FromException<T>(new DurableTaskFailedException(name, Calls.Count, failure));
        }
    }

    public Task<T> CallSubOrchestratorAsync<T>(string name, object? input, DurableCallOptions options)
    {
        Calls.Add((name, input, options));
        return Task.FromResult((T)activities(name, input)!);
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        if (fireAt > _now) _now = fireAt;
        return Task.CompletedTask;
    }

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken) => new TaskCompletionSource<T>().Task;

    public void SetCustomStatus(object? customStatus) => Statuses.Add(customStatus);

    public Guid NewGuid() => Guid.Empty;
}
