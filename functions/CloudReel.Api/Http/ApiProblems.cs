using CloudReel.Core.Orders;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CloudReel.Api.Http;

/// <summary>Errors as RFC 9457 problem details (application/problem+json), each with a stable type URI.</summary>
public static class ApiProblems
{
    public const string TypePrefix = "urn:cloudreel:problem:";

    public static IResult InvalidOrder(HttpRequest request, IReadOnlyList<OrderError> errors, string? hint = null)
    {
        var problem = Create(request, StatusCodes.Status400BadRequest, "invalid-order", "The order is not valid",
            $"{errors.Count} error(s): {string.Join("; ", errors.Take(3))}{(errors.Count > 3 ? "; …" : "")}{(hint is null ? "" : " " + hint)}");
        problem.Extensions["errors"] = OrderLimits.Shown(errors).Select(e => new { file = e.File, line = e.Line, column = e.Column, field = e.Field, message = e.Message }).ToList();
        problem.Extensions["errorCount"] = errors.Count;
        return Result(problem);
    }

    public static IResult BadRequest(HttpRequest request, string detail) =>
        Result(Create(request, StatusCodes.Status400BadRequest, "bad-request", "The request is not valid", detail));

    public static IResult Unauthorized(HttpRequest request) =>
        Result(Create(request, StatusCodes.Status401Unauthorized, "unauthorized", "An API key is needed",
            "Send the API key in the x-api-key (or x-functions-key) header."));

    public static IResult Forbidden(HttpRequest request, string detail) =>
        Result(Create(request, StatusCodes.Status403Forbidden, "forbidden", "The link is not valid", detail));

    public static IResult NotFound(HttpRequest request, string detail) =>
        Result(Create(request, StatusCodes.Status404NotFound, "not-found", "Not found", detail));

    public static IResult Conflict(HttpRequest request, string detail) =>
        Result(Create(request, StatusCodes.Status409Conflict, "conflict", "The film is not in a state that allows this", detail));

    public static IResult TooLarge(HttpRequest request, int limit) =>
        Result(Create(request, StatusCodes.Status413PayloadTooLarge, "too-large", "The request is too large", $"A request body (an order, events, a retake) may have at most {limit} bytes."));

    public static IResult UnsupportedMediaType(HttpRequest request, string? contentType) =>
        Result(Create(request, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send the order as JSON or YAML",
            $"Content-Type '{contentType ?? "(none)"}' is neither application/json nor application/yaml."));

    public static IResult UnsupportedPicture(HttpRequest request, string? contentType) =>
        Result(Create(request, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send the picture as PNG, JPEG or WebP",
            $"Content-Type '{contentType ?? "(none)"}' is not image/png, image/jpeg or image/webp."));

    public static IResult UnsupportedClip(HttpRequest request, string? contentType) =>
        Result(Create(request, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send the clip as MP4, MOV or WebM",
            $"Content-Type '{contentType ?? "(none)"}' is not video/mp4, video/quicktime or video/webm."));

    /// <summary>The key started <paramref name="started"/> ("film …" or "batch …") from a different <paramref name="request"/> body (<paramref name="sent"/>: "order", "template and rows").</summary>
    public static IResult IdempotencyKeyReused(HttpRequest request, string started, string sent) =>
        Result(Create(request, StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "The Idempotency-Key was used for another request",
            $"This key already started {started} with a different {sent}; use a new key for a new one."));

    public static IResult Unavailable(HttpRequest request, string detail) =>
        Result(Create(request, StatusCodes.Status503ServiceUnavailable, "unavailable", "A service CloudReel needs is not answering", detail));

    private static ProblemDetails Create(HttpRequest request, int status, string type, string title, string detail) => new()
    {
        Type = TypePrefix + type,
        Title = title,
        Status = status,
        Detail = detail,
        Instance = request.Path.Value,
    };

    private static IResult Result(ProblemDetails problem) => Results.Problem(problem);
}
