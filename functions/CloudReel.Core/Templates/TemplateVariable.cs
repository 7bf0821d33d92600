using CloudReel.Core.Orders;

namespace CloudReel.Core.Templates;

/// <summary>The kinds of value a template variable holds.</summary>
internal enum VariableKind
{
    String,
    Number,
    Boolean,
    Enum,
    File,
    Image,
    List,
}

/// <summary>One variable a template declares under <c>variables:</c>.</summary>
/// <param name="Name">How placeholders and data columns name it.</param>
/// <param name="Kind">What its values are.</param>
/// <param name="Default">Its value when a row leaves it empty; null: none.</param>
/// <param name="Required">A row must give it (true when there is no default, unless said otherwise).</param>
/// <param name="Values">The names an enum allows.</param>
/// <param name="Description">For people and editors.</param>
/// <param name="Position">Where it is declared.</param>
internal sealed record TemplateVariable(
    string Name, VariableKind Kind, TemplateValue? Default, bool Required, IReadOnlyList<string> Values, string? Description, SourcePosition Position)
{
    public static readonly IReadOnlyList<string> KindNames = ["string", "number", "boolean", "enum", "file", "image", "list"];

    public static string NameOf(VariableKind kind) => KindNames[(int)kind];
}
