using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Core.Workflow;

/// <summary>
/// The orchestration context port. Names and semantics follow Durable Task's
/// <c>TaskOrchestrationContext</c> so that the Azure Functions adapter is a thin wrapper and the
/// local engine can run the same orchestrators.
/// </summary>
/// <remarks>
/// Orchestrator code replays: it must be deterministic. Use <see cref="CurrentUtcDateTime"/>,
/// <see cref="NewGuid"/> and <see cref="CreateTimer(DateTime, CancellationToken)"/>, never the wall
/// clock, random ids or delays; do all I/O in activities.
/// </remarks>
public abstract class WorkflowContext
{
    public abstract string Name { get; }

    public abstract string InstanceId { get; }

    /// <summary>The replay-safe current time: the time the current history event was recorded.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    public abstract bool IsReplaying { get; }

    /// <summary>Calls an activity. A failure surfaces as <see cref="TaskFailedException"/>.</summary>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>
    /// Runs another orchestration as a child. Pass <see cref="SubOrchestrationOptions"/> to fix the
    /// child's instance id. A failure surfaces as <see cref="TaskFailedException"/>.
    /// </summary>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null);

    /// <summary>A durable timer: survives restarts, fires at <paramref name="fireAt"/> (UTC).</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Waits for an event raised from outside (e.g. an approval). Events raised early are buffered.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an event, or throws <see cref="TaskCanceledException"/> after <paramref name="timeout"/>.</summary>
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        using var timerCancellation = new CancellationTokenSource();
        using var eventCancellation = new CancellationTokenSource();
        var timer = CreateTimer(timeout, timerCancellation.Token);
        var externalEvent = WaitForExternalEvent<T>(eventName, eventCancellation.Token);
        var winner = await Task.WhenAny(timer, externalEvent);

        // Cancel() rather than CancelAsync(): the latter runs callbacks on the thread pool, and an
        // orchestrator must only ever run on its engine's thread.
#pragma warning disable CA1849
        if (winner == externalEvent)
        {
            timerCancellation.Cancel();
            return await externalEvent;
        }

        eventCancellation.Cancel();
#pragma warning restore CA1849
        throw new TaskCanceledException($"No '{eventName}' event arrived within {timeout}.");
    }

    /// <summary>A status readers can see while the orchestration runs (stage, progress). Keep it small.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>A replay-safe unique id.</summary>
    public abstract Guid NewGuid();

    /// <summary>The logger factory whose loggers stay quiet during replay.</summary>
    protected virtual ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(this, LoggerFactory.CreateLogger(categoryName));

    public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName ?? typeof(T).Name);

    private sealed class ReplaySafeLogger(WorkflowContext context, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying) inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
