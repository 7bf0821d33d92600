using CloudReel.Core.Models;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.ComfyUI;

/// <summary>ComfyUI's 400 answer <c>{error:{type,message}, node_errors}</c>: the graph or its inputs are wrong.</summary>
public sealed class ComfyErrors : IProviderErrors
{
    public ProviderError Classify(int status, string body)
    {
        var json = Json.TryParse(body);
        var type = Json.Text(json, "error", "type");
        var message = Json.MessageOf(json, $"HTTP {status}", ["error", "message"]);
        var details = Json.At(json, "node_errors") is System.Text.Json.Nodes.JsonObject nodes && nodes.Count > 0
            ? "; " + string.Join("; ", nodes.Select(n => $"node {n.Key}: {Json.Text(n.Value, "errors", "0", "message")} {Json.Text(n.Value, "errors", "0", "details")}".Trim()))
            : "";
        return status >= 500 || status == 429
            ? new(FailureReason.Transient, type, message + details, RateLimited: status == 429)
            : new(FailureReason.Invalid, type, message + details);
    }
}
