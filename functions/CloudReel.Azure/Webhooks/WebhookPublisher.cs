using System.Net;
using System.Net.Http.Headers;
using CloudReel.Azure.Events;
using CloudReel.Core.Events;
using CloudReel.Core.Ports;

namespace CloudReel.Azure.Webhooks;

/// <summary>
/// Delivers film events to one webhook: the CloudEvent JSON as the body, signed the Standard
/// Webhooks way (the same webhook-id on every retry, so receivers drop duplicates; a fresh
/// timestamp and signature on each). Retries 408, 429, 5xx and network failures with exponential
/// backoff and jitter, honouring Retry-After; other answers are final. Neither the secret nor the
/// URL's query string ever appears in a message.
/// </summary>
public sealed class WebhookPublisher : IFilmEventPublisher
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly StandardWebhookSigner _signer;
    private readonly int _maxAttempts;
    private readonly WebhookBackoff _backoff;
    private readonly TimeProvider _time;

    public WebhookPublisher(HttpClient http, WebhookOptions options, TimeProvider? time = null, WebhookBackoff? backoff = null)
    {
        _url = options.Url ?? throw new ArgumentException("A webhook needs a Url.", nameof(options));
        if (_url.Scheme != Uri.UriSchemeHttps && !_url.IsLoopback)
        {
            throw new ArgumentException($"Webhook {Redacted(_url)} must use https (http is allowed for loopback only).", nameof(options));
        }

        _signer = new StandardWebhookSigner(options.Secret ?? throw new ArgumentException($"Webhook {Redacted(_url)} needs a Secret.", nameof(options)));
        _http = http;
        _maxAttempts = Math.Clamp(options.MaxAttempts, 1, 10);
        _backoff = backoff ?? new WebhookBackoff();
        _time = time ?? TimeProvider.System;
        Name = "webhook " + Redacted(_url);
    }

    public string Name { get; }

    public async Task PublishAsync(FilmEvent filmEvent, CancellationToken cancellationToken = default)
    {
        var body = CloudEventJson.Serialize(filmEvent);
        var messageId = "msg_" + filmEvent.Id;
        string last = "not sent";
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(CloudEventJson.ContentType);
                foreach (var (name, value) in _signer.Sign(messageId, _time.GetUtcNow(), body)) request.Headers.Add(name, value);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_backoff.AttemptTimeout);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (response.IsSuccessStatusCode) return;

                last = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                if (!IsWorthRetrying(response.StatusCode)) break;
                retryAfter = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.RetryAfter?.Date is { } date ? date - _time.GetUtcNow() : null);
            }
            catch (Exception error) when (error is HttpRequestException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                last = error is OperationCanceledException ? $"no answer within {_backoff.AttemptTimeout.TotalSeconds:0.#} s" : error.Message;
            }

            if (attempt < _maxAttempts) await Task.Delay(_backoff.Delay(attempt, retryAfter), _time, cancellationToken);
        }

        throw new WebhookDeliveryException($"{Name} did not take event {filmEvent.Type} ({filmEvent.Id}): {last}");
    }

    private static bool IsWorthRetrying(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Scheme, host, port and path: a URL's query may carry a token.</summary>
    private static string Redacted(Uri url) => url.GetLeftPart(UriPartial.Path);
}

/// <summary>How long to wait between webhook attempts.</summary>
public sealed record WebhookBackoff
{
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The wait after attempt <paramref name="attempt"/>: Retry-After when given (capped), else doubling with ±20 % jitter.</summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked && asked > TimeSpan.Zero) return asked < MaxDelay ? asked : MaxDelay;
        var doubled = FirstDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(Math.Min(doubled, MaxDelay.TotalMilliseconds));
    }
}

/// <summary>A webhook did not accept an event after every attempt.</summary>
public sealed class WebhookDeliveryException(string message) : Exception(message);
