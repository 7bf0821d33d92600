using System.Text.Json;
using CloudReel.Core.Workflow;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Http;

/// <summary>Reads a request body that may be left out (no content, no chunks): null then, else the JSON read as the type asked for.</summary>
public static class OptionalJsonBody
{
    /// <exception cref="JsonException">The body is there but is not a <typeparamref name="T"/>.</exception>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class =>
        request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding")
            ? null
            : await JsonSerializer.DeserializeAsync<T>(request.Body, WorkflowJson.Options, cancellationToken);
}
