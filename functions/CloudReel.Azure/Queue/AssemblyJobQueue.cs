using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Azure.Queue;

/// <summary>
/// The queue that starts the assembler container. Sending writes the job to the store
/// (films/&lt;film-id&gt;/assembly-job.json) and then queues a small <see cref="AssemblyJobMessage"/>;
/// receiving hands out jobs and moves a message that has failed <see cref="MaxDequeueCount"/>
/// times, or cannot be read, to the poison queue "&lt;queue&gt;-poison" (the Functions convention).
/// </summary>
public sealed partial class AssemblyJobQueue : IAssemblyQueue
{
    public const string DefaultQueueName = "assembly-jobs";

    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly IClipStore _store;

    /// <param name="queues">The account's queue service (base64 messages, see <see cref="Storage.StorageClientOptions"/>).</param>
    /// <param name="store">Where jobs are written: a timeline can outgrow a queue message's 64 KB.</param>
    /// <param name="queueName">The queue; its poison queue is the same name with "-poison".</param>
    /// <param name="maxDequeueCount">Deliveries a message gets before it is poisoned (the Functions default is 5).</param>
    public AssemblyJobQueue(QueueServiceClient queues, IClipStore store, string queueName = DefaultQueueName, int maxDequeueCount = 5)
    {
        _queue = queues.GetQueueClient(RequireQueueName(queueName));
        _poison = queues.GetQueueClient(UndecodableMessages.PoisonQueueName(queueName));
        _store = store;
        MaxDequeueCount = maxDequeueCount;
    }

    public string QueueName => _queue.Name;

    public string PoisonQueueName => _poison.Name;

    public int MaxDequeueCount { get; }

    public async Task EnsureQueuesAsync(CancellationToken cancellationToken = default)
    {
        await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Writes the job, then queues the message that names it. Sending the same job twice is harmless: the job file is the same.</summary>
    public async Task<AssemblyJobMessage> SendAsync(AssemblyJob job, DateTime enqueuedUtc, CancellationToken cancellationToken = default)
    {
        var message = AssemblyJobMessage.For(job.FilmId, enqueuedUtc);
        await _store.PutTextAsync(message.JobName, WorkflowJson.Serialize(job), "application/json", overwrite: true, cancellationToken);
        await _queue.SendMessageAsync(WorkflowJson.Serialize(message), cancellationToken);
        return message;
    }

    Task<AssemblyJobMessage> IAssemblyQueue.EnqueueAsync(AssemblyJob job, DateTime enqueuedUtc, CancellationToken cancellationToken) =>
        SendAsync(job, enqueuedUtc, cancellationToken);

    /// <summary>
    /// The next job to assemble, hidden from other workers for <paramref name="visibilityTimeout"/>,
    /// or null when the queue is empty. Poison messages met on the way are moved aside.
    /// </summary>
    public async Task<AssemblyJobDelivery?> ReceiveAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            QueueMessage[] received = await _queue.ReceiveMessagesAsync(1, visibilityTimeout, cancellationToken);
            if (received.Length == 0) return null;
            var queued = received[0];
            var text = queued.Body.ToString();
            if (Read(text) is { } job && queued.DequeueCount <= MaxDequeueCount) return new AssemblyJobDelivery(job, QueueEntry.From(queued));

            await _poison.SendMessageAsync(text, cancellationToken);
            await _queue.DeleteMessageAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
        }
    }

    /// <summary>Reads the job a delivery names from the store.</summary>
    public async Task<AssemblyJob> ReadJobAsync(AssemblyJobDelivery delivery, CancellationToken cancellationToken = default) =>
        WorkflowJson.Deserialize<AssemblyJob>(await _store.ReadTextAsync(delivery.Message.JobName, cancellationToken))
        ?? throw new InvalidDataException($"{delivery.Message.JobName} holds no assembly job.");

    /// <summary>Keeps a delivery hidden for <paramref name="visibilityTimeout"/> more; the returned delivery carries the new pop receipt.</summary>
    public async Task<AssemblyJobDelivery> ExtendAsync(AssemblyJobDelivery delivery, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        UpdateReceipt updated = await _queue.UpdateMessageAsync(delivery.Queued.MessageId, delivery.Queued.PopReceipt, visibilityTimeout: visibilityTimeout, cancellationToken: cancellationToken);
        return delivery with { Queued = delivery.Queued with { PopReceipt = updated.PopReceipt } };
    }

    /// <summary>Moves a delivery to the poison queue now (its last allowed attempt failed), rather than at the next receive.</summary>
    public async Task PoisonAsync(AssemblyJobDelivery delivery, CancellationToken cancellationToken = default)
    {
        await _poison.SendMessageAsync(delivery.Queued.Text, cancellationToken);
        await CompleteAsync(delivery, cancellationToken);
    }

    /// <summary>The job is done: remove its message. False when the message had already come back to the queue and been taken again.</summary>
    public async Task<bool> CompleteAsync(AssemblyJobDelivery delivery, CancellationToken cancellationToken = default)
    {
        try
        {
            await _queue.DeleteMessageAsync(delivery.Queued.MessageId, delivery.Queued.PopReceipt, cancellationToken);
            return true;
        }
        catch (RequestFailedException gone) when (gone.ErrorCode is "MessageNotFound" or "PopReceiptMismatch")
        {
            return false;
        }
    }

    /// <summary>3-63 lower-case letters, digits and single dashes, leaving room for "-poison".</summary>
    public static string RequireQueueName(string queue) =>
        QueueNamePattern().IsMatch(queue) && !queue.Contains("--", StringComparison.Ordinal)
            ? queue
            : throw new ArgumentException($"'{queue}' is not an assembly queue name (3-56 lower-case letters, digits and single dashes, so that '{queue}-poison' is one too).", nameof(queue));

    private static AssemblyJobMessage? Read(string text)
    {
        try
        {
            return WorkflowJson.Deserialize<AssemblyJobMessage>(text) is { IsWellFormed: true } message ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,54}[a-z0-9]$")]
    private static partial Regex QueueNamePattern();
}

/// <summary>A received assembly job: the message and the queue entry it came in.</summary>
public sealed record AssemblyJobDelivery(AssemblyJobMessage Message, QueueEntry Queued);

/// <summary>The queue entry of a delivery: what deleting or extending it needs, how often it was delivered, its text.</summary>
public sealed record QueueEntry(string MessageId, string PopReceipt, long DequeueCount, string Text)
{
    public static QueueEntry From(QueueMessage message) => new(message.MessageId, message.PopReceipt, message.DequeueCount, message.Body.ToString());
}
