using System.Globalization;
using CloudReel.Core.Models;

namespace CloudReel.Core.Orders;

/// <summary>What a model must be able to do for the pictures, the shape and the workflow a shot asks for.</summary>
internal static class ShotModelChecks
{
    public static void CheckImages(CheckContext context, IReadOnlyDictionary<string, ModelCapabilities> models, ModelCapabilities model, int index)
    {
        var shot = context.Order.Shots[index];
        var name = model.Name;
        if (shot.Image is not null && !model.ImageToVideo)
        {
            var able = models.Values.Where(m => m.ImageToVideo).Select(m => m.Name).ToList();
            context.Report(CheckContext.ShotPath(index, "image"), $"model '{name}' can't start from an image (no image-to-video)"
                + (able.Count > 0 ? $"; models that can: {string.Join(", ", able)}" : "; remove 'image'"));
        }
        if (shot.Image is null && shot.References.Count == 0 && !model.TextToVideo && !context.Order.ContinuesSequence(index))
        {
            context.Report(CheckContext.ShotPath(index, "image"), $"model '{name}' only makes video from an image; add 'image'");
        }
        if (shot.LastImage is not null)
        {
            var path = CheckContext.ShotPath(index, "lastImage");
            if (shot.Image is null) context.Report(path, "a last frame needs a first one: add 'image'");
            else if (!model.LastFrame) context.Report(path, $"model '{name}' can't end on a given picture{Able(models, m => m.LastFrame, "can")}");
        }
        if (shot.References.Count > 0)
        {
            var path = CheckContext.ShotPath(index, "references");
            if (shot.Image is not null) context.Report(path, "'references' and 'image' can't be combined: a shot either starts from a picture or keeps subjects from references");
            else if (model.MaxReferenceImages == 0) context.Report(path, $"model '{name}' can't keep subjects from reference images{Able(models, m => m.MaxReferenceImages > 0, "can")}");
            else if (shot.References.Count > model.MaxReferenceImages) context.Report(path, $"model '{name}' keeps at most {model.MaxReferenceImages} reference image(s), not {shot.References.Count}");
        }
    }

    /// <summary>A shot that continues a sequence starts from the previous shot's last frame: its model must do image-to-video.</summary>
    public static void CheckSequence(CheckContext context, IReadOnlyDictionary<string, ModelCapabilities> models, ModelCapabilities model, int index)
    {
        if (!context.Order.ContinuesSequence(index) || model.ImageToVideo) return;
        var shot = context.Order.Shots[index];
        context.Report(CheckContext.ShotPath(index, "sequence"),
            $"shot '{shot.Id}' continues sequence '{shot.Sequence}' from the last frame of the shot before it, but model '{model.Name}' can't start from an image{Able(models, m => m.ImageToVideo, "can")}");
    }

    /// <summary>A model with fixed sizes must have one of the master's shape; a workflow model needs the order's workflow.</summary>
    public static void CheckShapeAndWorkflow(CheckContext context, ModelCapabilities model, string path)
    {
        var order = context.Order;
        if (model.NeedsWorkflow && order.Workflow is null && !context.Index.IsRejected("workflow"))
        {
            context.Report(path, $"model '{model.Name}' runs a workflow graph: add 'workflow: <graph>.json' (API format) to the order");
        }
        if (model.Sizes.Count == 0 || context.Index.IsRejected("aspects")) return;
        var master = order.Aspects[0];
        var wanted = master.FrameFor(order.Resolution);
        if (model.Sizes.Any(s => Math.Abs(s.Ratio - wanted.Ratio) < 0.02)) return;
        context.Report(path, $"model '{model.Name}' can't make {master} pictures (it makes {string.Join(", ", model.Sizes)}); pick another model or put another aspect first");
    }

    /// <summary>A budget is one currency: every priced model the order names must bill in it.</summary>
    public static void CheckBudgetCurrency(CheckContext context, IReadOnlyDictionary<string, ModelCapabilities> models)
    {
        if (context.Order.Budget is not { } budget || context.Index.IsRejected("budget")) return;
        var named = context.Order.Shots.Select(s => s.Model).OfType<string>().Append(context.Order.Model).Concat(context.Order.Fallback);
        var other = named.Distinct(StringComparer.Ordinal)
            .Select(n => models.GetValueOrDefault(n))
            .OfType<ModelCapabilities>()
            .Where(m => m.PricePerSecond > 0 && !string.Equals(m.Currency, budget.Currency, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (other.Count == 0) return;
        var prices = string.Join(", ", other.Select(m => $"'{m.Name}' in {m.Currency}"));
        context.Report("budget", string.Create(CultureInfo.InvariantCulture, $"the budget is in {budget.Currency} but {prices} is priced otherwise; state the budget in the models' currency"));
    }

    private static string Able(IReadOnlyDictionary<string, ModelCapabilities> models, Func<ModelCapabilities, bool> can, string verb)
    {
        var able = models.Values.Where(can).Select(m => m.Name).ToList();
        return able.Count > 0 ? $"; models that {verb}: {string.Join(", ", able)}" : "";
    }
}
