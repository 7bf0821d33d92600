using Azure.Storage.Queues;
using Azure.Storage.Queues.Specialized;

namespace CloudReel.Azure.Queue;

/// <summary>
/// A message that is not base64 (another tool put plain text) cannot be decoded, and would otherwise
/// stop every receive on its queue. It goes to "&lt;queue&gt;-poison" as it was, the way the Functions
/// host treats such messages, and leaves the queue.
/// </summary>
internal static class UndecodableMessages
{
    public static async Task MoveToPoisonQueueAsync(QueueMessageDecodingFailedEventArgs failed)
    {
        if (failed.ReceivedMessage is not { } message) return;
        var poison = failed.Queue.GetParentQueueServiceClient().GetQueueClient(PoisonQueueName(failed.Queue.Name));
        if (failed.IsRunningSynchronously)
        {
            poison.CreateIfNotExists(cancellationToken: failed.CancellationToken);
            poison.SendMessage(message.Body, cancellationToken: failed.CancellationToken);
            failed.Queue.DeleteMessage(message.MessageId, message.PopReceipt, failed.CancellationToken);
            return;
        }

        await poison.CreateIfNotExistsAsync(cancellationToken: failed.CancellationToken);
        await poison.SendMessageAsync(message.Body, cancellationToken: failed.CancellationToken);
        await failed.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, failed.CancellationToken);
    }

    /// <summary>The Functions convention: "&lt;queue&gt;-poison".</summary>
    public static string PoisonQueueName(string queue) => queue + "-poison";
}
