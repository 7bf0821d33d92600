using CloudReel.Api.Http;
using CloudReel.Azure.Inbound;
using CloudReel.Core.Workflow;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Events;

/// <summary>
/// Event Grid deliveries by webhook (`cloudreel serve`'s POST /api/events; the Functions app takes the
/// same events from the storage-events queue): answers the validation handshakes of both schemas, then
/// hands every event to <see cref="InboundEventHandler"/>.
/// </summary>
public static class EventGridWebhook
{
    public static async Task<IResult> ReceiveAsync(HttpRequest request, InboundEventHandler handler, InboundEventParser parser, CancellationToken cancellationToken)
    {
        if (CloudEventsHandshake.AllowedOrigin(request.Method, h => request.Headers[h].FirstOrDefault()) is { } origin)
        {
            request.HttpContext.Response.Headers[CloudEventsHandshake.AllowedOriginHeader] = origin;
            return Results.Ok();
        }

        IReadOnlyList<InboundEvent> events;
        try
        {
            events = parser.Parse(await BinaryData.FromStreamAsync(request.Body, cancellationToken));
        }
        catch (InboundEventException malformed)
        {
            return ApiProblems.BadRequest(request, malformed.Message);
        }

        if (events.OfType<SubscriptionValidation>().FirstOrDefault() is { } validation) return Results.Text(validation.Response, "application/json");
        return Results.Json(await handler.HandleAsync(events, cancellationToken), WorkflowJson.Options);
    }
}
