using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Planning;

/// <summary>
/// Casts every shot of an order to its models: the shot's own (or the order's) first, then the
/// fallbacks, each with the request that model gets, the clip's content key and the cost; a shot made of
/// one's own clip to no model, keyed by the clip's bytes. Pure.
/// </summary>
public static class ShotCasting
{
    /// <param name="order">An order with shots (planned if it came as a brief or script).</param>
    /// <param name="models">Capabilities of every model the host knows.</param>
    /// <param name="imageHashes">SHA-256 of each reference image and own clip (and of the workflow graph), by the path the order uses.</param>
    public static PlannedFilm Cast(FilmOrder order, IReadOnlyDictionary<string, ModelCapabilities> models, IReadOnlyDictionary<string, string> imageHashes)
    {
        var notes = new List<string>();
        var master = order.Aspects[0].FrameFor(order.Resolution);
        var shots = order.Shots.Select((shot, i) => shot.Clip is { } clip
            ? new PlannedShot(shot, [], new OwnClip(clip, imageHashes[clip], ContentKey.ForOwnClip(imageHashes[clip])))
            : new PlannedShot(shot, ChainOf(shot, order.ContinuesSequence(i), order, models, imageHashes, master, notes))).ToList();
        var used = shots.SelectMany(s => s.Chain).Select(a => a.Model).Distinct(StringComparer.Ordinal);
        return new PlannedFilm
        {
            Order = order,
            Shots = shots,
            ModelConcurrency = used.ToDictionary(m => m, m => models[m].MaxConcurrentJobs, StringComparer.Ordinal),
            Notes = notes,
        };
    }

    private static List<ModelAttempt> ChainOf(
        ShotSpec shot, bool continues, FilmOrder order, IReadOnlyDictionary<string, ModelCapabilities> models,
        IReadOnlyDictionary<string, string> imageHashes, FrameSize master, List<string> notes)
    {
        var chain = new List<ModelAttempt>();
        foreach (var name in new[] { shot.Model ?? order.Model }.Concat(order.Fallback).Distinct(StringComparer.Ordinal))
        {
            if (!models.TryGetValue(name, out var model))
            {
                notes.Add($"shot {shot.Id}: model '{name}' is not available here and was left out of its chain");
                continue;
            }

            if (CannotMake(shot, continues, order, model, master) is { } why)
            {
                notes.Add($"shot {shot.Id}: '{name}' {why} and was left out of its chain");
                continue;
            }

            chain.Add(AttemptFor(shot, continues, order, model, imageHashes, master));
        }

        return chain;
    }

    private static string? CannotMake(ShotSpec shot, bool continues, FilmOrder order, ModelCapabilities model, FrameSize master)
    {
        if (continues && !model.ImageToVideo) return $"cannot start from the last frame of the shot before it in sequence '{shot.Sequence}'";
        if (model.Sizes.Count > 0 && !model.Sizes.Any(s => Math.Abs(s.Ratio - master.Ratio) < 0.02)) return $"cannot make {order.Aspects[0]} pictures";
        if (shot.Image is not null && !model.ImageToVideo) return "cannot start from a reference image";
        if (shot.LastImage is not null && !model.LastFrame) return "cannot end on a given picture";
        if (shot.References.Count > model.MaxReferenceImages) return $"keeps at most {model.MaxReferenceImages} reference image(s)";
        if (shot.Image is null && !continues && shot.References.Count == 0 && !model.TextToVideo) return "only makes video from an image";
        if (model.NeedsWorkflow && order.Workflow is null) return "needs the order's workflow graph";
        return null;
    }

    private static ModelAttempt AttemptFor(
        ShotSpec shot, bool continues, FilmOrder order, ModelCapabilities model, IReadOnlyDictionary<string, string> imageHashes, FrameSize master)
    {
        var seconds = model.Durations.Accepts(shot.Seconds) ? shot.Seconds : model.Durations.FitAtLeast(shot.Seconds);
        var cast = shot.Cast.Select(id => order.Characters.FirstOrDefault(c => c.Id == id)).OfType<CastMember>().ToList();
        var prompt = PromptComposer.Compose(order.Style, shot.Prompt, shot.Camera, cast.Select(c => (c.Name, c.Look)));
        if (prompt.Length > model.MaxPromptLength) prompt = prompt[..model.MaxPromptLength];
        var request = new ShotRequest
        {
            Prompt = prompt,
            ShotText = shot.Prompt,
            Seconds = seconds,
            Size = model.ChooseSize(master),
            Seed = shot.Seed ?? PromptComposer.SeedFor(prompt),
            Camera = shot.Camera,
            References = CastReferences.For(shot, cast, model, imageHashes, continues),
            // Known once the shot before it is made: the workflow keys and sends the shot then.
            ContinuesFrom = continues ? "" : null,
            Cast = cast.Select(c => new CastInShot(c.Id, c.Name)).ToList(),
            Workflow = model.NeedsWorkflow && order.Workflow is { } workflow ? new StoredFile(workflow, imageHashes[workflow]) : null,
        };
        return new ModelAttempt(
            model.Name,
            model.Version,
            request,
            ContentKey.For(model.Name, model.Version, request),
            model.EstimateCost(seconds),
            model.PollInterval,
            model.JobTimeout,
            model.ConcurrencyGroup ?? model.Name,
            model.MaxConcurrentJobs);
    }
}
