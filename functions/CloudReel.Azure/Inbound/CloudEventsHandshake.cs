namespace CloudReel.Azure.Inbound;

/// <summary>
/// The CloudEvents webhook validation handshake Event Grid performs for CloudEvents-schema
/// subscriptions: an HTTP OPTIONS request with WebHook-Request-Origin, answered 200 with
/// WebHook-Allowed-Origin naming the same origin (only Event Grid's, or any when allowed).
/// </summary>
public static class CloudEventsHandshake
{
    public const string RequestOriginHeader = "WebHook-Request-Origin";
    public const string AllowedOriginHeader = "WebHook-Allowed-Origin";
    public const string EventGridOrigin = "eventgrid.azure.net";

    /// <summary>The origin to allow, or null when the request is not a handshake CloudReel accepts.</summary>
    public static string? AllowedOrigin(string method, Func<string, string?> header, bool onlyEventGrid = true)
    {
        if (!method.Equals("OPTIONS", StringComparison.OrdinalIgnoreCase)) return null;
        var origin = header(RequestOriginHeader)?.Trim();
        if (string.IsNullOrEmpty(origin)) return null;
        return !onlyEventGrid || origin.Equals(EventGridOrigin, StringComparison.OrdinalIgnoreCase) ? origin : null;
    }
}
