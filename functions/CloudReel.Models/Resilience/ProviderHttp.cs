using System.Text.Json;
using CloudReel.Models.Configuration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace CloudReel.Models.Resilience;

/// <summary>
/// Calls one service through its model's resilience pipeline. Requests are built afresh for every
/// try; an error status becomes a <see cref="ProviderStatusException"/> (classified by the service's
/// <see cref="IProviderErrors"/>) and, once the pipeline gives up, a <see cref="ProviderCallException"/>
/// that says whether a job may exist. Logs name the operation and status, never headers or bodies.
/// </summary>
public sealed class ProviderHttp(HttpClient client, IProviderErrors errors, ResilienceOptions options, TimeProvider time, ILogger logger) : IDisposable
{
    private readonly ResiliencePipeline _pipeline = ProviderPipeline.Build(options, time);

    public ResilienceOptions Options => options;

    public TimeProvider Time => time;

    public void Dispose() => client.Dispose();

    /// <summary>Sends a request built by <paramref name="request"/> and reads a successful answer with <paramref name="read"/>.</summary>
    public async Task<T> SendAsync<T>(
        CallKind kind,
        string operation,
        Func<HttpRequestMessage> request,
        Func<HttpResponseMessage, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        context.Properties.Set(ProviderPipeline.Kind, kind);
        try
        {
            return await _pipeline.ExecuteAsync(
                async (ctx, state) => await state.This.TryOnceAsync(state.Operation, state.Request, state.Read, ctx.CancellationToken),
                context,
                (This: this, Operation: operation, Request: request, Read: read));
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = ProviderPipeline.Classify(error, kind);
            logger.LogWarning("{Operation} failed ({Failure}): {Message}", operation, failure, error.Message);
            throw new ProviderCallException(failure, Describe(operation, error), error);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<T> TryOnceAsync<T>(
        string operation, Func<HttpRequestMessage> request, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        using var message = request();
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        logger.LogInformation("{Operation}: {Status}", operation, (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ProviderStatusException(response.StatusCode, errors.Classify((int)response.StatusCode, body), RetryHints.RetryAfter(response, time.GetUtcNow()));
        }

        try
        {
            return await read(response, cancellationToken);
        }
        catch (Exception error) when (error is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new UnreadableAnswerException($"{operation} answered with something that is not what its contract says: {error.Message}", error);
        }
    }

    private static string Describe(string operation, Exception error) => error switch
    {
        BrokenCircuitException => $"{operation}: not sent, the service failed too often lately (circuit open)",
        ProviderStatusException answer => $"{operation}: {answer.Message}",
        Polly.Timeout.TimeoutRejectedException => $"{operation}: no answer in time",
        _ => $"{operation}: {error.Message}",
    };
}
