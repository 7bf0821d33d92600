namespace CloudReel.Azure.Queue;

/// <summary>A message received from a queue: invisible to others until its visibility timeout ends.</summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    string Text,
    DateTimeOffset InsertedOn,
    DateTimeOffset NextVisibleOn);

/// <summary>A message just sent.</summary>
public sealed record SentQueueMessage(string MessageId, string PopReceipt, DateTimeOffset NextVisibleOn);
