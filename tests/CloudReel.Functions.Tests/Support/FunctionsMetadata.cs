using System.Reflection;
using System.Text.Json;

namespace CloudReel.Functions.Tests;

/// <summary>
/// The functions.metadata the Functions SDK generated when the app was built: the list of functions,
/// entry points and bindings the Functions host loads. Read from the app's own output folder.
/// </summary>
internal static class FunctionsMetadata
{
    public static IReadOnlyList<FunctionEntry> All { get; } = Load();

    public static string PathOnDisk { get; } = Locate();

    private static string Locate()
    {
        var configuration = typeof(FunctionsMetadata).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var path = Path.Combine(Repository.Root, "functions", "CloudReel.Functions", "bin", configuration, "net10.0", "functions.metadata");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build CloudReel.sln ({configuration}) first.", path);
    }

    private static List<FunctionEntry> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Locate()));
        return document.RootElement.EnumerateArray().Select(function => new FunctionEntry(
                function.GetProperty("name").GetString()!,
                function.GetProperty("entryPoint").GetString()!,
                function.GetProperty("bindings").EnumerateArray().Select(Binding).ToList()))
            .ToList();
    }

    private static BindingEntry Binding(JsonElement binding)
    {
        string? Text(string name) => binding.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var methods = binding.TryGetProperty("methods", out var list) ? list.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList() : [];
        return new BindingEntry(Text("type")!, Text("direction")!, Text("route"), Text("authLevel"), methods, Text("queueName"), Text("connection"));
    }
}

internal sealed record FunctionEntry(string Name, string EntryPoint, IReadOnlyList<BindingEntry> Bindings)
{
    public BindingEntry Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));
}

internal sealed record BindingEntry(
    string Type, string Direction, string? Route, string? AuthLevel, IReadOnlyList<string> Methods, string? QueueName, string? Connection);
