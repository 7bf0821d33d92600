using System.Text.Json;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Tests.Orders;

public class OrderSchemaTests
{
    private const string UpdateVariable = "CLOUDREEL_UPDATE_SCHEMA";

    private static string CommittedPath => Path.Combine(RepoRoot.Path, "schema", "film-order.schema.json");

    [Fact]
    public void ToJsonSchema_CommittedFile_IsUpToDate()
    {
        var generated = OrderSchema.ToJsonSchema();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedPath)!);
            File.WriteAllText(CommittedPath, generated);
        }

        var committed = File.Exists(CommittedPath) ? File.ReadAllText(CommittedPath) : "";

        committed.Should().Be(generated,
            $"schema/film-order.schema.json must match OrderSchema.ToJsonSchema(); regenerate it with `{UpdateVariable}=1 dotnet test tests/CloudReel.Core.Tests --filter ToJsonSchema_CommittedFile_IsUpToDate` and commit it");
    }

    [Fact]
    public void ToJsonSchema_Root_DeclaresDraftIdAndClosedObject()
    {
        using var schema = JsonDocument.Parse(OrderSchema.ToJsonSchema());
        var root = schema.RootElement;

        root.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        root.GetProperty("$id").GetString().Should().Be("urn:cloudreel:schema:film-order:1");
        root.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
        root.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("title");
        root.GetProperty("oneOf").GetArrayLength().Should().Be(3);
    }

    [Fact]
    public void ToJsonSchema_Fields_FollowTheFormatInOrderWithDescriptions()
    {
        using var schema = JsonDocument.Parse(OrderSchema.ToJsonSchema());
        var properties = schema.RootElement.GetProperty("properties").EnumerateObject().ToList();

        properties.Select(p => p.Name).Should().Equal(OrderFormat.Order.Fields.Select(f => f.Name));
        properties.Should().OnlyContain(p => p.Value.GetProperty("description").GetString()!.Length > 10);
    }

    [Fact]
    public void ToJsonSchema_ShotAndTransition_AreSharedDefinitions()
    {
        using var schema = JsonDocument.Parse(OrderSchema.ToJsonSchema());
        var root = schema.RootElement;
        var defs = root.GetProperty("$defs");

        root.GetProperty("properties").GetProperty("shots").GetProperty("items").GetProperty("$ref").GetString().Should().Be("#/$defs/shot");
        root.GetProperty("properties").GetProperty("transition").GetProperty("$ref").GetString().Should().Be("#/$defs/transition");
        root.GetProperty("properties").GetProperty("transition").GetProperty("default").GetString().Should().Be("crossfade");
        defs.GetProperty("shot").GetProperty("properties").GetProperty("transition").GetProperty("$ref").GetString().Should().Be("#/$defs/transition");
        defs.GetProperty("shot").GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
        defs.GetProperty("transition").GetProperty("oneOf")[0].GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(TransitionNames.All);
    }

    [Fact]
    public void ToJsonSchema_ModelNames_AreNotAnEnum()
    {
        using var schema = JsonDocument.Parse(OrderSchema.ToJsonSchema());
        var model = schema.RootElement.GetProperty("properties").GetProperty("model");

        model.TryGetProperty("enum", out _).Should().BeFalse();
        model.GetProperty("type").GetString().Should().Be("string");
    }

    [Fact]
    public void ResolutionPattern_AgreesWithItsExplanation_ForEveryHeight()
    {
        var resolution = (TextType)OrderFormat.Order.Field("resolution")!.Type;

        for (var lines = 100; lines <= 2200; lines++)
        {
            var text = lines + "p";
            var expected = lines is >= 144 and <= 2160 && lines % 2 == 0;
            ScalarRules.Matches(text, resolution.Pattern!).Should().Be(expected, text);
            (TextRules.ExplainResolution(text) is null).Should().Be(expected, text);
        }
    }
}
