namespace CloudReel.Core.Templates;

/// <summary>A filter in a placeholder, e.g. <c>number: "0.00"</c>, with its argument when it takes one.</summary>
internal sealed record PlaceholderFilter(string Name, string? Argument);

/// <summary>
/// One <c>{{ … }}</c> in a template's text: the variable (or <c>item</c>, <c>item.field</c>, <c>index</c> inside
/// a repeat) and the filters its value goes through, left to right.
/// </summary>
internal sealed record Placeholder(string Variable, string? Field, IReadOnlyList<PlaceholderFilter> Filters)
{
    /// <summary>The current item of a repeat.</summary>
    public const string Item = "item";

    /// <summary>The current item's number in a repeat, counted from 1.</summary>
    public const string Index = "index";

    public string Path => Field is null ? Variable : Variable + "." + Field;
}

/// <summary>A piece of a template text: literal text, or a placeholder.</summary>
internal sealed record TextPart(string? Literal, Placeholder? Placeholder);

/// <summary>A text of the template split into literal parts and placeholders.</summary>
internal sealed record TemplateText(IReadOnlyList<TextPart> Parts)
{
    public bool HasPlaceholders => Parts.Any(p => p.Placeholder is not null);

    /// <summary>The text is one placeholder and nothing else (spaces aside): its value keeps its type, e.g. a number for <c>seconds</c>.</summary>
    public Placeholder? Whole => Parts.Count(p => p.Placeholder is not null) == 1 && Parts.All(p => p.Placeholder is not null || string.IsNullOrWhiteSpace(p.Literal))
        ? Parts.First(p => p.Placeholder is not null).Placeholder
        : null;

    public IEnumerable<Placeholder> Placeholders => Parts.Where(p => p.Placeholder is not null).Select(p => p.Placeholder!);
}
