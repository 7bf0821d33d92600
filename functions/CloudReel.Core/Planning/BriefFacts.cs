using System.Globalization;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning.Briefs;
using CloudReel.Core.Planning.Fountain;

namespace CloudReel.Core.Planning;

/// <summary>What a brief or screenplay states about the film itself.</summary>
/// <param name="Title">Its title line or title page title.</param>
/// <param name="TargetSeconds">The length it asks for.</param>
/// <param name="Style">The look it asks for.</param>
/// <param name="Languages">The caption languages it names or is written in.</param>
public sealed record FilmFacts(string? Title, double? TargetSeconds, string? Style, IReadOnlyList<string> Languages);

/// <summary>
/// Reads the facts an order's brief or screenplay states, and gives an order the style and target
/// length its text asks for where the order itself says none (the order's own fields always win).
/// </summary>
public static class BriefFacts
{
    public const double MinTargetSeconds = 5;
    public const double MaxTargetSeconds = 600;
    public const int MaxStyleLength = 400;

    /// <summary>The facts of the order's script (when it names one) or brief.</summary>
    public static FilmFacts Of(FilmOrder order, string? scriptText)
    {
        if (order.Script is not null && scriptText is not null) return ScriptFacts.Read(FountainParser.Parse(scriptText));
        if (order.Brief is null) return new FilmFacts(null, null, null, []);
        var brief = BriefReader.Read(order.Brief, order.Title);
        return new FilmFacts(brief.Title, brief.TargetSeconds, brief.Style, brief.Languages);
    }

    /// <summary>The order with the style and target length its brief or script states filled in where it has none, each with a note.</summary>
    public static FilmOrder Complete(FilmOrder order, string? scriptText, List<string> notes)
    {
        if (!order.NeedsPlanning) return order;
        var facts = Of(order, scriptText);
        var source = order.Script is not null ? "script" : "brief";
        if (order.Style.Trim().Length == 0 && Style(facts.Style) is { } style)
        {
            order = order with { Style = style };
            notes.Add($"style '{style}' taken from the {source}");
        }
        if (order.TargetSeconds is null && Seconds(facts.TargetSeconds, notes, source) is { } seconds)
        {
            order = order with { TargetSeconds = seconds };
            notes.Add($"target length {seconds.ToString("0.#", CultureInfo.InvariantCulture)} s taken from the {source}");
        }
        if (order.Script is not null && scriptText is not null)
        {
            var cast = PlannedCast.Merge(order.Characters, ScriptCast.Read(FountainParser.Parse(scriptText)));
            if (cast.Count > order.Characters.Count)
            {
                notes.Add($"cast from the script: {string.Join(", ", cast.Skip(order.Characters.Count).Select(c => c.Name))}");
                order = order with { Characters = cast };
            }
        }
        return order;
    }

    /// <summary>A style fit for an order: trimmed to the order's limit.</summary>
    internal static string? Style(string? style)
    {
        var text = style?.Trim() ?? "";
        if (text.Length == 0) return null;
        return text.Length <= MaxStyleLength ? text : text[..MaxStyleLength].TrimEnd();
    }

    /// <summary>A length fit for an order, or null (with a note when the text asked for one out of range).</summary>
    internal static double? Seconds(double? seconds, List<string> notes, string source)
    {
        if (seconds is not { } value) return null;
        if (value is >= MinTargetSeconds and <= MaxTargetSeconds) return value;
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"the {source} asks for {value:0.#} s, outside {MinTargetSeconds:0}–{MaxTargetSeconds:0} s: the length follows reading time instead"));
        return null;
    }
}
