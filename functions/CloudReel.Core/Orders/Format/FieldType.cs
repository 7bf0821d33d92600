namespace CloudReel.Core.Orders;

/// <summary>
/// The shape of one value in the order format. <see cref="OrderFormat"/> describes the whole format
/// with these once; validation, the JSON Schema and the did-you-mean hints all read that description.
/// </summary>
internal abstract record FieldType
{
    public string? Description { get; init; }

    /// <summary>The name under <c>$defs</c> when the schema shares this type between fields.</summary>
    public string? DefName { get; init; }

    /// <summary>What an error says it expected, e.g. "text" or "a number".</summary>
    public abstract string Expected { get; }
}

/// <summary>Text, with a length in Unicode characters (as JSON Schema counts) and an optional pattern.</summary>
internal sealed record TextType : FieldType
{
    public int MinLength { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>An ECMAScript-compatible pattern; it is the rule, <see cref="Explain"/> only words it better.</summary>
    public string? Pattern { get; init; }

    /// <summary>Says what is wrong with a value in plain words, or null when it has nothing to add.</summary>
    public Func<string, string?>? Explain { get; init; }

    /// <summary>What the pattern asks for, when <see cref="Explain"/> says nothing.</summary>
    public string? PatternHint { get; init; }

    public string? Example { get; init; }

    public override string Expected => Example is null ? "text" : $"text like '{Example}'";
}

/// <summary>One of a fixed list of names.</summary>
internal sealed record ChoiceType(IReadOnlyList<string> Values, string Noun) : FieldType
{
    /// <summary>Says what is wrong with a text that is none of the values, where the default message would mislead.</summary>
    public Func<string, string>? Explain { get; init; }

    public override string Expected => "a " + Noun;
}

/// <summary>A number, optionally whole, in a range or from a list.</summary>
internal sealed record NumberType : FieldType
{
    public bool Integer { get; init; }

    public double? Minimum { get; init; }

    public double? ExclusiveMinimum { get; init; }

    public double? Maximum { get; init; }

    /// <summary>The only values allowed, when there is such a list.</summary>
    public IReadOnlyList<double>? Values { get; init; }

    /// <summary>Unit for messages, e.g. "seconds".</summary>
    public string Unit { get; init; } = "";

    public override string Expected => Integer ? "a whole number" : "a number";
}

internal sealed record BooleanType : FieldType
{
    public override string Expected => "true or false";
}

/// <summary>A file the order refers to: a safe path relative to the order file, with an allowed extension and size.</summary>
internal sealed record PathType(IReadOnlyList<string> Extensions, long MaxBytes, string Noun) : FieldType
{
    /// <summary>The longest path <see cref="Ports.StoreLayout.IsSafeRelativePath"/> accepts.</summary>
    public const int MaxLength = 400;

    // One segment as StoreLayout.IsSafeRelativePath accepts it ("." and ".." fail the first character).
    private const string Segment = "[A-Za-z0-9][A-Za-z0-9._-]{0,120}";

    /// <summary>Safe relative path ending in an allowed extension (any letter case).</summary>
    public string Pattern
    {
        get
        {
            var extensions = Extensions.Select(e => string.Concat(e.TrimStart('.').Select(AnyCase)));
            var path = $"(?=.*\\.(?:{string.Join("|", extensions)})$)(?:{Segment}/)*{Segment}";
            return AllowsHttpsUrl ? $"^(?:{HttpsUrlPattern}|{path})$" : $"^{path}$";
        }
    }

    /// <summary>Whether an https URL of a public host is accepted too (reference images only).</summary>
    public bool AllowsHttpsUrl { get; init; }

    /// <summary>The longest value: a path, or a URL where one is allowed.</summary>
    public int MaxTextLength => AllowsHttpsUrl ? RemoteImages.MaxUrlLength : MaxLength;

    /// <summary>An https URL whose host is a DNS name ending in a letters-only top-level label: no IP literals, no "localhost".</summary>
    public const string HttpsUrlPattern = @"https://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?::[0-9]{1,5})?(?:[/?#][^\s]*)?";

    public override string Expected => AllowsHttpsUrl ? "a file path or an https URL" : "a file path";

    private static string AnyCase(char c) => char.IsAsciiLetter(c) ? $"[{char.ToUpperInvariant(c)}{char.ToLowerInvariant(c)}]" : c.ToString();
}

internal sealed record ListType(FieldType Item, string ItemsNoun) : FieldType
{
    public int MinItems { get; init; }

    public int? MaxItems { get; init; }

    public bool Unique { get; init; }

    public override string Expected => "a list of " + ItemsNoun;
}

/// <summary>A mapping whose keys are data (e.g. language tags), not field names.</summary>
internal sealed record MapType(TextType Key, FieldType Value, string Noun) : FieldType
{
    public int MinEntries { get; init; }

    public override string Expected => "a mapping of " + Noun;
}

/// <summary>A mapping with named fields; any other key is an error.</summary>
internal sealed record ObjectType(string Noun, IReadOnlyList<FieldSpec> Fields) : FieldType
{
    /// <summary>Exactly one of these fields must be present.</summary>
    public IReadOnlyList<string>? ExactlyOneOf { get; init; }

    public FieldSpec? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public override string Expected => Fields.Count <= 3
        ? "a mapping with " + string.Join(" and ", Fields.Select(f => $"'{f.Name}'"))
        : $"a mapping of {Noun} fields";
}

/// <summary>A value written in one of several forms (e.g. a name, or a mapping with details), told apart by shape.</summary>
internal sealed record OneOfType(IReadOnlyList<FieldType> Forms) : FieldType
{
    public override string Expected => string.Join(" or ", Forms.Select(f => f.Expected));
}

/// <summary>A named field of an <see cref="ObjectType"/>.</summary>
internal sealed record FieldSpec(string Name, FieldType Type, string Description)
{
    public bool Required { get; init; }

    /// <summary>The field is required unless this sibling field is present (a shot's prompt, unless it is a clip of one's own).</summary>
    public string? RequiredUnless { get; init; }

    /// <summary>The field may not stand next to any of these sibling fields.</summary>
    public IReadOnlyList<string>? NotWith { get; init; }

    /// <summary>The value used when the field is absent, as the schema shows it.</summary>
    public object? Default { get; init; }

    /// <summary>The field is allowed only next to one of these sibling fields.</summary>
    public IReadOnlyList<string>? OnlyWith { get; init; }

    /// <summary>The field belongs to templates (`cloudreel batch`): the schema has it, an order is refused with it.</summary>
    public bool TemplateOnly { get; init; }
}
