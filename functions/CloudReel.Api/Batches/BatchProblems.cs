using CloudReel.Api.Http;
using CloudReel.Core.Orders;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CloudReel.Api.Batches;

/// <summary>The answers of a batch refused whole, as problem details like every other error of the API.</summary>
public static class BatchProblems
{
    /// <summary>400: every error of every row, each at its data file, row, column and order field (the first ones listed, all counted).</summary>
    public static IResult InvalidRows(HttpRequest request, IReadOnlyList<OrderError> errors, string? hint)
    {
        var problem = new ProblemDetails
        {
            Type = ApiProblems.TypePrefix + "invalid-batch",
            Title = "The batch is not valid; nothing was started",
            Status = StatusCodes.Status400BadRequest,
            Detail = $"{errors.Count} error(s): {string.Join("; ", errors.Take(3))}{(errors.Count > 3 ? "; …" : "")}{(hint is null ? "" : " " + hint)}",
            Instance = request.Path.Value,
        };
        problem.Extensions["errors"] = OrderLimits.Shown(errors).Select(e => new { file = e.File, line = e.Line, column = e.Column, field = e.Field, message = e.Message }).ToList();
        problem.Extensions["errorCount"] = errors.Count;
        return Results.Problem(problem);
    }

    /// <summary>422: the whole estimate does not fit the budget; the detail says by how much.</summary>
    public static IResult OverBudget(HttpRequest request, string reason) => Results.Problem(new ProblemDetails
    {
        Type = ApiProblems.TypePrefix + "batch-over-budget",
        Title = "The batch's estimate is over its budget; nothing was started",
        Status = StatusCodes.Status422UnprocessableEntity,
        Detail = reason,
        Instance = request.Path.Value,
    });
}
