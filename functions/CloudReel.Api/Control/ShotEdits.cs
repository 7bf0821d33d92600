using System.Text.Json;
using CloudReel.Api.Http;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Api.Control;

/// <summary>
/// POST /api/films/{id}/shots/{shotId}/edit: a new take of one shot (<see cref="ShotRetake"/>) with its
/// prompt, captions, seed or model changed as the body says; what the body leaves out stays. The changed
/// order is checked as any order is (an unknown model, a caption in a language the film lacks: 400).
/// </summary>
public sealed class ShotEdits(ShotRetake retake)
{
    public async Task<IResult> EditAsync(HttpRequest request, string filmId, string shotId, CancellationToken cancellationToken)
    {
        var (source, refusal) = await retake.LoadAsync(request, filmId, shotId, cancellationToken);
        if (source is null) return refusal!;

        ShotEdit? edit;
        try
        {
            edit = await OptionalJsonBody.ReadAsync<ShotEdit>(request, cancellationToken);
        }
        catch (JsonException bad)
        {
            var where = bad.Path is { Length: > 2 } path ? $" (at {path[2..]})" : "";
            return ApiProblems.BadRequest(request, $"The body is not a shot edit{where}: send {{\"prompt\": \"…\", \"captions\": {{\"en\": \"…\"}}, \"seed\": 7, \"model\": \"…\"}} (any of them).");
        }

        if (edit is null || (edit.Prompt is null && edit.Captions is null && edit.Seed is null && edit.Model is null))
        {
            return ApiProblems.BadRequest(request, "The edit changes nothing: send prompt, captions, seed or model (or regenerate for a new take as it is).");
        }

        if (edit.Prompt is { } prompt && string.IsNullOrWhiteSpace(prompt)) return ApiProblems.BadRequest(request, "prompt must not be empty.");
        if (edit.Seed is < 0 or > uint.MaxValue) return ApiProblems.BadRequest(request, $"seed must be 0-{uint.MaxValue}.");
        if (edit.Model is { } model && string.IsNullOrWhiteSpace(model)) return ApiProblems.BadRequest(request, "model must not be empty.");

        var shot = source.Shot;
        var captions = shot.Captions.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        foreach (var (language, text) in edit.Captions ?? new Dictionary<string, string?>())
        {
            if (string.IsNullOrWhiteSpace(text)) captions.Remove(language);
            else captions[language] = text.Trim();
        }

        var changed = shot with
        {
            Prompt = edit.Prompt?.Trim() ?? shot.Prompt,
            Captions = captions,
            Seed = edit.Seed ?? shot.Seed,
            Model = edit.Model?.Trim() ?? shot.Model,
        };
        return await retake.StartAsync(request, source, "edit", _ => changed, null, cancellationToken);
    }
}

/// <summary>The body of a shot edit: what to change (a caption set to "" or null is removed).</summary>
public sealed record ShotEdit(string? Prompt = null, IReadOnlyDictionary<string, string?>? Captions = null, long? Seed = null, string? Model = null);
