namespace CloudReel.Core.Intake;

/// <summary>
/// An order as it arrived: its text, whether it is JSON or YAML, and the name errors are reported
/// under (the file as the user named it, or "order.json" for a request body).
/// </summary>
public sealed record OrderDocument(string Text, string Extension, string DisplayName)
{
    public const string Json = ".json";
    public const string Yaml = ".yaml";

    /// <summary>An order file by name: ".json" for a .json file, ".yaml" for .yaml or .yml.</summary>
    public static OrderDocument FromFile(string text, string fileName, string? displayName = null) =>
        new(text, ExtensionOf(fileName), displayName ?? fileName);

    /// <summary>".json" for a .json file, ".yaml" for .yaml or .yml.</summary>
    public static string ExtensionOf(string fileName) => fileName.EndsWith(Json, StringComparison.OrdinalIgnoreCase) ? Json : Yaml;

    public string ContentType => Extension == Json ? "application/json" : "application/yaml";

    /// <summary>Where a field is, for messages: "order.yaml: shots[0].image", or just the field for an order without a file.</summary>
    public string Where(string field) => DisplayName.Length == 0 ? field : $"{DisplayName}: {field}";
}
