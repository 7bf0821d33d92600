using CloudReel.Core.Models;

namespace CloudReel.Core.Orders;

/// <summary>Checks model names, and that each shot's model can make the shot as ordered, before anything is spent.</summary>
internal static class ModelChecks
{
    public static void Run(CheckContext context, IReadOnlyDictionary<string, ModelCapabilities> models, IReadOnlyDictionary<string, string> unconfigured)
    {
        var order = context.Order;
        var names = new ModelNames(models, unconfigured);
        if (!models.ContainsKey(order.Model))
        {
            context.Report("model", context.Index.Has("model")
                ? names.Unknown(order.Model)
                : $"the default model '{order.Model}' is not configured here; set 'model' to one of: {names.Configured}");
        }
        for (var i = 0; i < order.Fallback.Count; i++)
        {
            var name = order.Fallback[i];
            var path = FieldPath.Item("fallback", i);
            if (!models.ContainsKey(name)) context.Report(path, names.Unknown(name));
            else if (name == order.Model && !context.Index.IsRejected("model")) context.Report(path, $"'{name}' is already the order's model; fallbacks are other models to try");
        }
        var shape = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < order.Shots.Count; i++) CheckShot(context, models, names, i, shape);
        ShotModelChecks.CheckBudgetCurrency(context, models);
    }

    private static void CheckShot(CheckContext context, IReadOnlyDictionary<string, ModelCapabilities> models, ModelNames names, int index, HashSet<string> shapeReported)
    {
        var shot = context.Order.Shots[index];
        // A shot made of one's own clip asks no model for anything.
        if (shot.Clip is not null) return;
        var modelPath = CheckContext.ShotPath(index, "model");
        // A rejected model (the shot's, or the order's for a shot without one) leaves nothing to check against.
        if (context.Index.IsRejected(modelPath) || (shot.Model is null && context.Index.IsRejected("model"))) return;
        var name = shot.Model ?? context.Order.Model;
        if (!models.TryGetValue(name, out var model))
        {
            if (shot.Model is not null) context.Report(modelPath, names.Unknown(name));
            return;
        }
        var secondsPath = CheckContext.ShotPath(index, "seconds");
        // An auto shot's length is the model's own (or, when it says nothing, reported as such by the voice checks).
        if (!shot.AutoSeconds && !model.Durations.Accepts(shot.Seconds))
        {
            var seconds = NodeText.Number(shot.Seconds);
            context.Report(secondsPath, context.Index.Has(secondsPath)
                ? $"{seconds} seconds is not offered by model '{name}' (it accepts {model.Durations})"
                : $"the default {seconds} seconds is not offered by model '{name}' (it accepts {model.Durations}); set 'seconds'");
        }
        ShotModelChecks.CheckImages(context, models, model, index);
        ShotModelChecks.CheckSequence(context, models, model, index);
        var promptLength = TextRules.Length(shot.Prompt);
        if (promptLength > model.MaxPromptLength)
        {
            context.Report(CheckContext.ShotPath(index, "prompt"), $"is {promptLength} characters long; model '{name}' takes at most {model.MaxPromptLength}");
        }
        if (shapeReported.Add(name)) ShotModelChecks.CheckShapeAndWorkflow(context, model, shot.Model is null ? "model" : modelPath);
    }

    /// <summary>How errors name models: unknown ones with a did-you-mean, unconfigured ones with what to set.</summary>
    private sealed class ModelNames(IReadOnlyDictionary<string, ModelCapabilities> models, IReadOnlyDictionary<string, string> unconfigured)
    {
        public string Configured => string.Join(", ", models.Keys.Order(StringComparer.Ordinal));

        public string Unknown(string name) => unconfigured.TryGetValue(name, out var hint)
            ? $"model '{name}' is not configured here: {hint}"
            : $"unknown model '{name}'{Suggestions.Hint(name, models.Keys.Concat(unconfigured.Keys))} (configured: {Configured})";
    }
}
