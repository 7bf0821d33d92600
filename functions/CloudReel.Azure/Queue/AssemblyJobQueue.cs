using System.Text.Json;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Azure.Queue;

/// <summary>
/// The queue that starts the assembler container. Sending writes the job to the store
/// (films/&lt;film-id&gt;/assembly-job.json) and then queues a small <see cref="AssemblyJobMessage"/>;
/// receiving hands out jobs and moves a message that has failed <see cref="MaxDequeueCount"/>
/// times, or cannot be read, to the poison queue "&lt;queue&gt;-poison" (the Functions convention).
/// </summary>
public sealed class AssemblyJobQueue(QueueStorageClient client, IClipStore store, string queueName = AssemblyJobQueue.DefaultQueueName, int maxDequeueCount = 5)
    : IAssemblyQueue
{
    public const string DefaultQueueName = "assembly-jobs";

    public string QueueName { get; } = QueueStorageClient.RequireQueueName(queueName);

    public string PoisonQueueName => QueueName + "-poison";

    public int MaxDequeueCount => maxDequeueCount;

    public async Task EnsureQueuesAsync(CancellationToken cancellationToken = default)
    {
        await client.CreateIfNotExistsAsync(QueueName, cancellationToken);
        await client.CreateIfNotExistsAsync(PoisonQueueName, cancellationToken);
    }

    /// <summary>Writes the job, then queues the message that names it. Sending the same job twice is harmless: the job file is the same.</summary>
    public async Task<AssemblyJobMessage> SendAsync(AssemblyJob job, DateTime enqueuedUtc, CancellationToken cancellationToken = default)
    {
        var message = AssemblyJobMessage.For(job.FilmId, enqueuedUtc);
        await store.PutTextAsync(message.JobName, WorkflowJson.Serialize(job), "application/json", overwrite: true, cancellationToken);
        await client.SendAsync(QueueName, WorkflowJson.Serialize(message), cancellationToken: cancellationToken);
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
            var received = await client.ReceiveAsync(QueueName, 1, visibilityTimeout, cancellationToken);
            if (received.Count == 0) return null;
            var message = received[0];
            var job = Read(message.Text);
            if (job is not null && message.DequeueCount <= maxDequeueCount) return new AssemblyJobDelivery(job, message);

            await client.SendAsync(PoisonQueueName, message.Text, cancellationToken: cancellationToken);
            await client.DeleteAsync(QueueName, message.MessageId, message.PopReceipt, cancellationToken);
        }
    }

    /// <summary>Reads the job a delivery names from the store.</summary>
    public async Task<AssemblyJob> ReadJobAsync(AssemblyJobDelivery delivery, CancellationToken cancellationToken = default) =>
        WorkflowJson.Deserialize<AssemblyJob>(await store.ReadTextAsync(delivery.Message.JobName, cancellationToken))
        ?? throw new InvalidDataException($"{delivery.Message.JobName} holds no assembly job.");

    /// <summary>Keeps a delivery hidden for <paramref name="visibilityTimeout"/> more; the returned delivery carries the new pop receipt.</summary>
    public async Task<AssemblyJobDelivery> ExtendAsync(AssemblyJobDelivery delivery, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var receipt = await client.ExtendVisibilityAsync(QueueName, delivery.Queued.MessageId, delivery.Queued.PopReceipt, visibilityTimeout, cancellationToken);
        return delivery with { Queued = delivery.Queued with { PopReceipt = receipt } };
    }

    /// <summary>Moves a delivery to the poison queue now (its last allowed attempt failed), rather than at the next receive.</summary>
    public async Task PoisonAsync(AssemblyJobDelivery delivery, CancellationToken cancellationToken = default)
    {
        await client.SendAsync(PoisonQueueName, delivery.Queued.Text, cancellationToken: cancellationToken);
        await client.DeleteAsync(QueueName, delivery.Queued.MessageId, delivery.Queued.PopReceipt, cancellationToken);
    }

    /// <summary>The job is done: remove its message. False when the message had already come back to the queue and been taken again.</summary>
    public Task<bool> CompleteAsync(AssemblyJobDelivery delivery, CancellationToken cancellationToken = default) =>
        client.DeleteAsync(QueueName, delivery.Queued.MessageId, delivery.Queued.PopReceipt, cancellationToken);

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
}

/// <summary>A received assembly job: the message and the queue entry it came in.</summary>
public sealed record AssemblyJobDelivery(AssemblyJobMessage Message, QueueMessage Queued);
