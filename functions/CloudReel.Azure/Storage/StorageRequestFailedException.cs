using System.Xml.Linq;
using Azure;

namespace CloudReel.Azure.Storage;

/// <summary>
/// Blob or Queue Storage refused a request: the HTTP status, the service's error code (e.g.
/// ContainerNotFound, BlobAlreadyExists) and the request id to quote to Azure support.
/// </summary>
public sealed class StorageRequestFailedException : RequestFailedException
{
    public StorageRequestFailedException(int status, string message, string? errorCode, string? requestId)
        : base(status, message, errorCode, null)
    {
        RequestId = requestId;
    }

    public string? RequestId { get; }

    /// <summary>Reads the error out of a failed response: x-ms-error-code, or the code in the XML body.</summary>
    public static StorageRequestFailedException From(Response response, string operation)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        response.Headers.TryGetValue("x-ms-request-id", out var requestId);
        string? detail = null;
        try
        {
            if (response.Content is { } content && content.ToMemory().Length > 0)
            {
                var error = XDocument.Parse(content.ToString()).Root;
                code ??= error?.Element("Code")?.Value;
                detail = error?.Element("Message")?.Value.Split('\n')[0].Trim();
            }
        }
        catch (System.Xml.XmlException)
        {
            // Not XML (e.g. a proxy's page): the status and headers still say enough.
        }

        var message = $"{operation}: Storage answered {response.Status} {code ?? response.ReasonPhrase}"
            + (requestId is null ? "" : $" (request id {requestId})")
            + (detail is null ? "" : $": {detail}");
        return new StorageRequestFailedException(response.Status, message, code, requestId);
    }
}
