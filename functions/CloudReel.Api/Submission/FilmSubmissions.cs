using System.Text;
using CloudReel.Api.Http;
using CloudReel.Api.Status;
using CloudReel.Core.Intake;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Submission;

/// <summary>
/// POST /api/films: reads a JSON or YAML order, validates it all the way (400 with every error, by
/// line, column and field), stages it and starts the film (202 with where to watch it); with
/// <c>?draft=true</c> the film is assembled as a draft preview; with <c>?dryRun=true</c> it is only
/// planned and priced (<see cref="FilmEstimates"/>). Sent as multipart/form-data, the order comes with its
/// files (<see cref="OrderUpload"/>). With an Idempotency-Key the same
/// request always answers with the same film and never starts a second one.
/// </summary>
public sealed class FilmSubmissions(IFilmRuntime runtime, FilmIntake intake, IdempotencyRecords keys, ApiOptions options, TimeProvider time, PlanPreview? preview = null)
{
    public async Task<IResult> SubmitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string? extension, text;
        IOrderSource files = new UrlOnlyOrderFiles();
        var filesHash = "";
        if (request.HasFormContentType)
        {
            // An order with its files (the studio's upload): multipart/form-data.
            (text, extension, var uploaded, filesHash, var refused) = await OrderUpload.ReadAsync(request, options, cancellationToken);
            if (refused is not null) return refused;
            files = uploaded!;
        }
        else
        {
            extension = OrderFormat.FromContentType(request.ContentType);
            if (extension is null) return ApiProblems.UnsupportedMediaType(request, request.ContentType);
            text = await ReadBodyAsync(request, options.MaxOrderBytes, cancellationToken);
            if (text is null) return ApiProblems.TooLarge(request, options.MaxOrderBytes);
        }

        var key = request.Headers[IdempotencyRecords.HeaderName].FirstOrDefault()?.Trim();
        if (key is { Length: 0 or > IdempotencyRecords.MaxKeyLength })
        {
            return ApiProblems.BadRequest(request, $"{IdempotencyRecords.HeaderName} must be 1-{IdempotencyRecords.MaxKeyLength} characters.");
        }

        if (!TryReadFlag(request, "draft", out var draft)) return ApiProblems.BadRequest(request, "draft must be true or false.");
        if (!TryReadFlag(request, "dryRun", out var dryRun)) return ApiProblems.BadRequest(request, "dryRun must be true or false.");
        if (dryRun && preview is null) return ApiProblems.Unavailable(request, "This host does not plan orders: dry runs are not offered here.");
        var identity = new List<string> { extension!, text! };
        if (draft) identity.Add("draft");
        if (filesHash.Length > 0) identity.Add(filesHash);
        var requestHash = FilmIds.Hash([.. identity]);
        if (key is not null && !dryRun && await keys.FindAsync(key, cancellationToken) is { } earlier) return await ReplayAsync(request, text!, earlier, requestHash, draft, cancellationToken);

        var order = new OrderDocument(text!, extension!, "order" + extension);
        var loaded = await intake.ValidateAsync(order, files, cancellationToken);
        if (!loaded.IsValid)
        {
            var hint = files is UrlOnlyOrderFiles && loaded.Errors.Any(e => e.Message.Contains("not found", StringComparison.Ordinal)) ? UrlOnlyOrderFiles.Hint : null;
            return ApiProblems.InvalidOrder(request, loaded.Errors, hint);
        }

        if (dryRun) return await FilmEstimates.EstimateAsync(request, preview!, loaded.Order!, files, cancellationToken);

        var filmId = key is null ? FilmIds.Random(loaded.Order!.Title) : FilmIds.Derived(loaded.Order!.Title, "idempotency-key", key);
        string orderName;
        try
        {
            orderName = await intake.StageAsync(filmId, order, loaded.Order, files, cancellationToken);
        }
        catch (OrderStagingException refused)
        {
            return ApiProblems.BadRequest(request, refused.Message);
        }

        if (key is not null && !await keys.TryCreateAsync(key, new IdempotencyRecord(filmId, orderName, requestHash, time.GetUtcNow().UtcDateTime), cancellationToken))
        {
            // Another request with the same key got there first: answer as it did.
            return await ReplayAsync(request, text!, (await keys.FindAsync(key, cancellationToken))!, requestHash, draft, cancellationToken);
        }

        await runtime.StartFilmAsync(intake.Request(filmId, orderName, loaded.Order.Title, OriginOf(orderName), draft), cancellationToken);
        return Accepted(request, filmId, replayed: false);
    }

    /// <summary>Where a film sent to the API says its order came from: the request, and where it was staged.</summary>
    private static string OriginOf(string orderName) => $"POST /api/films ({orderName})";

    public static IResult Accepted(HttpRequest request, string filmId, bool replayed, FilmAccepted? body = null)
    {
        var url = ApiUrls.Film(request, filmId);
        if (replayed) request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Json(body ?? new FilmAccepted(filmId, "accepted", url), WorkflowJson.Options, statusCode: StatusCodes.Status202Accepted)
            .WithLocation(url);
    }

    private async Task<IResult> ReplayAsync(HttpRequest request, string text, IdempotencyRecord earlier, string requestHash, bool draft, CancellationToken cancellationToken)
    {
        if (earlier.RequestHash != requestHash) return ApiProblems.IdempotencyKeyReused(request, $"film {earlier.FilmId}", "order");

        // The first request may have stopped between recording the key and starting the film: start it now (a no-op when it runs).
        // The request is the same one (its hash says so), draft or not.
        var title = OrderLoader.BindUnchecked(text, earlier.OrderName)?.Title ?? earlier.FilmId;
        await runtime.StartFilmAsync(intake.Request(earlier.FilmId, earlier.OrderName, title, OriginOf(earlier.OrderName), draft), cancellationToken);
        return Accepted(request, earlier.FilmId, replayed: true);
    }

    /// <summary>An optional true/false query parameter (draft, dryRun): absent is false.</summary>
    private static bool TryReadFlag(HttpRequest request, string name, out bool flag)
    {
        flag = false;
        var value = request.Query[name].FirstOrDefault();
        return value is null || bool.TryParse(value, out flag);
    }

    /// <summary>The body as UTF-8 text, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }
}
