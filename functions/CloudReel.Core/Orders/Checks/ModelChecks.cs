using CloudReel.Core.Models;

namespace CloudReel.Core.Orders;

/// <summary>Checks model names, and that each shot's model can make the shot as ordered.</summary>
internal static class ModelChecks
{
    public static void Run(CheckContext context, IReadOnlyDictionary<string, ModelCapabilities> models)
    {
        var order = context.Order;
        if (!models.ContainsKey(order.Model))
        {
            context.Report("model", context.Index.Has("model")
                ? Unknown(order.Model, models)
                : $"the default model '{order.Model}' is not configured here; set 'model' to one of: {Names(models)}");
        }
        for (var i = 0; i < order.Fallback.Count; i++)
        {
            var name = order.Fallback[i];
            var path = FieldPath.Item("fallback", i);
            if (!models.ContainsKey(name)) context.Report(path, Unknown(name, models));
            else if (name == order.Model && !context.Index.IsRejected("model")) context.Report(path, $"'{name}' is already the order's model; fallbacks are other models to try");
        }
        for (var i = 0; i < order.Shots.Count; i++) CheckShot(context, models, i);
    }

    private static void CheckShot(CheckContext context, IReadOnlyDictionary<string, ModelCapabilities> models, int index)
    {
        var shot = context.Order.Shots[index];
        var modelPath = CheckContext.ShotPath(index, "model");
        // A rejected model (the shot's, or the order's for a shot without one) leaves nothing to check against.
        if (context.Index.IsRejected(modelPath) || (shot.Model is null && context.Index.IsRejected("model"))) return;
        var name = shot.Model ?? context.Order.Model;
        if (!models.TryGetValue(name, out var model))
        {
            if (shot.Model is not null) context.Report(modelPath, Unknown(name, models));
            return;
        }
        var secondsPath = CheckContext.ShotPath(index, "seconds");
        if (!model.Durations.Accepts(shot.Seconds))
        {
            var seconds = NodeText.Number(shot.Seconds);
            context.Report(secondsPath, context.Index.Has(secondsPath)
                ? $"{seconds} seconds is not offered by model '{name}' (it accepts {model.Durations})"
                : $"the default {seconds} seconds is not offered by model '{name}' (it accepts {model.Durations}); set 'seconds'");
        }
        if (shot.Image is not null && !model.ImageToVideo)
        {
            var able = models.Values.Where(m => m.ImageToVideo).Select(m => m.Name).ToList();
            context.Report(CheckContext.ShotPath(index, "image"), $"model '{name}' can't start from an image (no image-to-video)"
                + (able.Count > 0 ? $"; models that can: {string.Join(", ", able)}" : "; remove 'image'"));
        }
        if (shot.Image is null && !model.TextToVideo)
        {
            context.Report(CheckContext.ShotPath(index, "image"), $"model '{name}' only makes video from an image; add 'image'");
        }
        var promptLength = TextRules.Length(shot.Prompt);
        if (promptLength > model.MaxPromptLength)
        {
            context.Report(CheckContext.ShotPath(index, "prompt"), $"is {promptLength} characters long; model '{name}' takes at most {model.MaxPromptLength}");
        }
    }

    private static string Unknown(string name, IReadOnlyDictionary<string, ModelCapabilities> models) =>
        $"unknown model '{name}'{Suggestions.Hint(name, models.Keys)} (configured: {Names(models)})";

    private static string Names(IReadOnlyDictionary<string, ModelCapabilities> models) => string.Join(", ", models.Keys.Order(StringComparer.Ordinal));
}
