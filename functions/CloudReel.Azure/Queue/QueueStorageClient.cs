using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Azure.Core;
using Azure.Core.Pipeline;
using CloudReel.Azure.Storage;

namespace CloudReel.Azure.Queue;

/// <summary>
/// Queue Storage over its REST API on the same pipeline as Blob: create a queue, put, get with a
/// visibility timeout, extend the timeout, delete. Message text is sent base64-encoded (UTF-8), the
/// encoding the Azure Functions queue trigger expects by default.
/// </summary>
public sealed partial class QueueStorageClient(StorageAccount account, StorageClientOptions? options = null)
{
    /// <summary>The largest message the service takes, in bytes of (encoded) text.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private readonly HttpPipeline _pipeline = StoragePipeline.Build(account, options ?? new StorageClientOptions());

    public StorageAccount Account => account;

    /// <summary>Creates the queue; false when it was already there.</summary>
    public async Task<bool> CreateIfNotExistsAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Put, QueueUri(queue));
        var response = await SendAsync(message, cancellationToken);
        return response.Status switch
        {
            201 => true,
            204 => false,
            _ => throw StorageRequestFailedException.From(response, $"create queue {queue}"),
        };
    }

    /// <summary>Puts a message; it becomes visible after <paramref name="initialDelay"/> and lives <paramref name="timeToLive"/> (default 7 days).</summary>
    public async Task<SentQueueMessage> SendAsync(
        string queue, string text, TimeSpan? initialDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        if (encoded.Length > MaxMessageBytes)
        {
            throw new ArgumentException($"The message is {encoded.Length} bytes encoded; a queue message holds at most {MaxMessageBytes}. Put large payloads in a blob and send its name.", nameof(text));
        }

        using var message = Create(RequestMethod.Post, QueueUri(queue, "messages"));
        if (initialDelay is { } delay) message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(delay));
        if (timeToLive is { } ttl) message.Request.Uri.AppendQuery("messagettl", Seconds(ttl));
        message.Request.Headers.Add(HttpHeader.Names.ContentType, "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes($"<QueueMessage><MessageText>{SecurityElement.Escape(encoded)}</MessageText></QueueMessage>"));
        var response = await SendAsync(message, cancellationToken);
        if (response.Status != 201) throw StorageRequestFailedException.From(response, $"send to queue {queue}");

        var sent = XDocument.Parse(response.Content.ToString()).Root!.Element("QueueMessage")!;
        return new SentQueueMessage(sent.Element("MessageId")!.Value, sent.Element("PopReceipt")!.Value, Time(sent.Element("TimeNextVisible")));
    }

    /// <summary>Takes up to <paramref name="maxMessages"/> (1–32) messages, hidden from others for <paramref name="visibilityTimeout"/>.</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(
        string queue, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        using var message = Create(RequestMethod.Get, QueueUri(queue, "messages"));
        message.Request.Uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture));
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout));
        var response = await SendAsync(message, cancellationToken);
        if (response.Status != 200) throw StorageRequestFailedException.From(response, $"receive from queue {queue}");

        return XDocument.Parse(response.Content.ToString()).Root!.Elements("QueueMessage").Select(m => new QueueMessage(
            m.Element("MessageId")!.Value,
            m.Element("PopReceipt")!.Value,
            long.Parse(m.Element("DequeueCount")!.Value, CultureInfo.InvariantCulture),
            Decode(m.Element("MessageText")!.Value),
            Time(m.Element("InsertionTime")),
            Time(m.Element("TimeNextVisible")))).ToList();
    }

    /// <summary>Keeps a message hidden for <paramref name="visibilityTimeout"/> more (a long assembly); returns the new pop receipt.</summary>
    public async Task<string> ExtendVisibilityAsync(string queue, string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Put, QueueUri(queue, "messages", messageId));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout));
        var response = await SendAsync(message, cancellationToken);
        if (response.Status != 204) throw StorageRequestFailedException.From(response, $"extend message in queue {queue}");
        return response.Headers.TryGetValue("x-ms-popreceipt", out var receipt) ? receipt : popReceipt;
    }

    /// <summary>Deletes a received message; false when it was gone (or received again by someone else, with a new pop receipt).</summary>
    public async Task<bool> DeleteAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        using var message = Create(RequestMethod.Delete, QueueUri(queue, "messages", messageId));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        var response = await SendAsync(message, cancellationToken);
        if (response.Status == 204) return true;
        if (response.Status is 404 or 400 && response.Headers.TryGetValue("x-ms-error-code", out var code) && code is "MessageNotFound" or "PopReceiptMismatch") return false;
        throw StorageRequestFailedException.From(response, $"delete message from queue {queue}");
    }

    public static string RequireQueueName(string queue) =>
        QueueName().IsMatch(queue) && !queue.Contains("--", StringComparison.Ordinal)
            ? queue
            : throw new ArgumentException($"'{queue}' is not a queue name (3-63 lower-case letters, digits and single dashes).", nameof(queue));

    private Uri QueueUri(string queue, params string[] segments) =>
        new($"{account.QueueEndpoint}/{RequireQueueName(queue)}{string.Concat(segments.Select(s => "/" + Uri.EscapeDataString(s)))}");

    private HttpMessage Create(RequestMethod method, Uri uri)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        return message;
    }

    private async Task<global::Azure.Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken);
        return message.Response;
    }

    private static string Seconds(TimeSpan span) => ((long)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(XElement? element) =>
        element is null ? default : DateTimeOffset.Parse(element.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string Decode(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            // A message another tool put as plain text: hand it over as it is.
            return text;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueName();
}
