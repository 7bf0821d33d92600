using System.Globalization;

namespace CloudReel.Core.Templates;

/// <summary>
/// A variable's value for one row: text, a number, true/false, a list (of values or of records, e.g.
/// a JSON row's dishes), or a record whose fields a placeholder reads as <c>item.name</c>.
/// </summary>
internal abstract record TemplateValue
{
    /// <summary>How the value reads inside text.</summary>
    public abstract string ToText();

    /// <summary>Whether a <c>when</c> keeps its item: true, a number other than 0, non-empty text other than "false"/"no"/"0", a non-empty list.</summary>
    public abstract bool IsTrue { get; }

    /// <summary>Nothing was given: empty text or an empty list.</summary>
    public virtual bool IsEmpty => false;

    public static TemplateValue Of(string text) => new TextValue(text);
}

internal sealed record TextValue(string Value) : TemplateValue
{
    public override string ToText() => Value;

    public override bool IsTrue => Value.Trim().ToLowerInvariant() is not ("" or "false" or "no" or "0");

    public override bool IsEmpty => Value.Length == 0;
}

internal sealed record NumberValue(double Value) : TemplateValue
{
    public override string ToText() => Value.ToString("0.###############", CultureInfo.InvariantCulture);

    public override bool IsTrue => Value != 0;
}

internal sealed record FlagValue(bool Value) : TemplateValue
{
    public override string ToText() => Value ? "true" : "false";

    public override bool IsTrue => Value;
}

internal sealed record ListValue(IReadOnlyList<TemplateValue> Items) : TemplateValue
{
    public override string ToText() => string.Join(", ", Items.Select(i => i.ToText()));

    public override bool IsTrue => Items.Count > 0;

    public override bool IsEmpty => Items.Count == 0;
}

internal sealed record RecordValue(IReadOnlyDictionary<string, TemplateValue> Fields) : TemplateValue
{
    public override string ToText() => string.Join(", ", Fields.Select(f => $"{f.Key}: {f.Value.ToText()}"));

    public override bool IsTrue => Fields.Count > 0;
}
