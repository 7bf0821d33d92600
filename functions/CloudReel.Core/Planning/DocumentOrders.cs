using CloudReel.Core.Orders;
using CloudReel.Core.Planning.Briefs;
using CloudReel.Core.Planning.Fountain;
using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Planning;

/// <summary>What a person may say about a brief or screenplay handed over on its own (e.g. on the command line).</summary>
/// <param name="Title">The film's title; default the document's own.</param>
/// <param name="Model">The video model; default <c>animatic</c>.</param>
/// <param name="Languages">Caption languages; default the ones the document names or is written in.</param>
public sealed record DocumentHints(string? Title = null, string? Model = null, IReadOnlyList<string>? Languages = null);

/// <summary>
/// An order made from a brief (.txt, .md) or a Fountain screenplay alone: its title, target length,
/// look and caption languages as the document states them, unless the hints say otherwise.
/// </summary>
public static class DocumentOrders
{
    public const int MaxTitleLength = 120;
    private const int MaxLanguages = 4;

    /// <param name="text">The brief.</param>
    /// <param name="fallbackTitle">The title when neither the hints nor the brief give one (e.g. the file's name).</param>
    /// <param name="hints">What the person said.</param>
    public static FilmOrder FromBrief(string text, string fallbackTitle, DocumentHints? hints = null)
    {
        hints ??= new DocumentHints();
        var brief = BriefReader.Read(text);
        // A title given by hand replaces the brief's title line, which must not become a shot either.
        var body = hints.Title is not null && brief.Title is not null ? LinesFrom(text, brief.BodyLine) : text;
        return new FilmOrder
        {
            Title = Title(hints.Title ?? brief.Title, fallbackTitle),
            Model = hints.Model ?? "animatic",
            Languages = Languages(hints, brief.Languages, () => CaptionLanguages(brief)),
            Style = BriefFacts.Style(brief.Style) ?? "",
            TargetSeconds = BriefFacts.Seconds(brief.TargetSeconds, [], "brief"),
            Brief = body,
        };
    }

    /// <param name="text">The screenplay.</param>
    /// <param name="scriptPath">Its path as the order names it (relative to where the order would be).</param>
    /// <param name="fallbackTitle">The title when neither the hints nor the title page give one.</param>
    /// <param name="hints">What the person said.</param>
    public static FilmOrder FromScript(string text, string scriptPath, string fallbackTitle, DocumentHints? hints = null)
    {
        hints ??= new DocumentHints();
        var facts = ScriptFacts.Read(FountainParser.Parse(text));
        return new FilmOrder
        {
            Title = Title(hints.Title ?? facts.Title, fallbackTitle),
            Model = hints.Model ?? "animatic",
            Languages = Languages(hints, facts.Languages, () => []),
            Style = BriefFacts.Style(facts.Style) ?? "",
            TargetSeconds = BriefFacts.Seconds(facts.TargetSeconds, [], "script"),
            Script = scriptPath,
        };
    }

    private static IReadOnlyList<string> Languages(DocumentHints hints, IReadOnlyList<string> named, Func<IReadOnlyList<string>> written)
    {
        if (hints.Languages is { Count: > 0 } given) return given;
        return (named.Count > 0 ? named : written()).Take(MaxLanguages).ToList();
    }

    /// <summary>The languages of the words a brief's shots would be captioned with, in the order they first appear.</summary>
    private static IReadOnlyList<string> CaptionLanguages(BriefDocument brief) =>
        BriefDrafter.Draft(brief)
            .SelectMany(d => d.CaptionTexts)
            .SelectMany(ScriptRuns.Split)
            .Select(r => TextLanguage.Of(r.Text))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static string Title(string? title, string fallback)
    {
        var text = Whitespace.Collapse(title ?? "");
        if (text.Length == 0) text = Whitespace.Collapse(fallback);
        if (text.Length == 0) text = "Untitled";
        return text.Length <= MaxTitleLength ? text : text[..MaxTitleLength].TrimEnd();
    }

    private static string LinesFrom(string text, int line) =>
        string.Join("\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Skip(line));
}
