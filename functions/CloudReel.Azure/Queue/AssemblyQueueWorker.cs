using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Azure.Queue;

/// <summary>
/// The assembler container's loop body: take one job off the assembly queue, keep its message hidden
/// while the film is made (an assembly can outlast any visibility timeout), and delete the message
/// only when the job succeeded. A failed job's message comes back for another try; each failure is
/// written to films/&lt;film-id&gt;/assembly-failure.json, and the last allowed try moves the message to
/// the poison queue at once, where the Functions app fails the film with that reason.
/// </summary>
public sealed class AssemblyQueueWorker(AssemblyJobQueue queue, IClipStore store, TimeProvider time, ILogger? logger = null)
{
    public const string FailureFileName = "assembly-failure.json";

    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Runs at most one job; returns what happened to it.</summary>
    public async Task<AssemblyQueueOutcome> RunOnceAsync(
        Func<AssemblyJob, CancellationToken, Task> assemble, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var delivery = await queue.ReceiveAsync(visibilityTimeout, cancellationToken);
        if (delivery is null) return new AssemblyQueueOutcome(AssemblyQueueResult.Empty, null, null);

        var filmId = delivery.Message.FilmId;
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var holder = new DeliveryHolder(delivery);
        var heartbeat = KeepHiddenAsync(holder, visibilityTimeout, heartbeatStop.Token);
        Exception? failure = null;
        try
        {
            await assemble(await queue.ReadJobAsync(delivery, cancellationToken), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = error;
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }

        if (failure is null)
        {
            await queue.CompleteAsync(holder.Current, cancellationToken);
            return new AssemblyQueueOutcome(AssemblyQueueResult.Assembled, filmId, null);
        }

        _logger.LogWarning("Assembly of {FilmId} failed on try {Try} of {Tries}: {Reason}", filmId, delivery.Queued.DequeueCount, queue.MaxDequeueCount, failure.Message);
        await store.PutTextAsync(
            StoreLayout.FilmOutput(filmId, FailureFileName),
            WorkflowJson.Serialize(new AssemblyFailure(failure.Message, delivery.Queued.DequeueCount, queue.MaxDequeueCount, time.GetUtcNow().UtcDateTime)),
            "application/json",
            overwrite: true,
            cancellationToken);
        if (delivery.Queued.DequeueCount < queue.MaxDequeueCount) return new AssemblyQueueOutcome(AssemblyQueueResult.Failed, filmId, failure.Message);

        await queue.PoisonAsync(holder.Current, cancellationToken);
        return new AssemblyQueueOutcome(AssemblyQueueResult.Poisoned, filmId, failure.Message);
    }

    /// <summary>Extends the message's invisibility every third of the timeout until the job ends.</summary>
    private async Task KeepHiddenAsync(DeliveryHolder holder, TimeSpan visibilityTimeout, CancellationToken stop)
    {
        var period = visibilityTimeout / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, time, stop);
                holder.Current = await queue.ExtendAsync(holder.Current, visibilityTimeout, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The job ended.
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The message may come back while we work: another worker would assemble the same film again, to the same outputs.
            _logger.LogWarning("Could not keep the assembly message of {FilmId} hidden: {Reason}", holder.Current.Message.FilmId, error.Message);
        }
    }

    private sealed class DeliveryHolder(AssemblyJobDelivery delivery)
    {
        public AssemblyJobDelivery Current { get; set; } = delivery;
    }
}

public enum AssemblyQueueResult
{
    /// <summary>The queue had no job.</summary>
    Empty,

    Assembled,

    /// <summary>The job failed; its message comes back for another try.</summary>
    Failed,

    /// <summary>The job failed on its last allowed try; its message is on the poison queue.</summary>
    Poisoned,
}

/// <summary>What <see cref="AssemblyQueueWorker.RunOnceAsync"/> did.</summary>
public sealed record AssemblyQueueOutcome(AssemblyQueueResult Result, string? FilmId, string? Error);

/// <summary>films/&lt;film-id&gt;/assembly-failure.json: why the assembler's latest try at a film failed.</summary>
public sealed record AssemblyFailure(string Error, long Try, int MaxTries, DateTime FailedUtc);
