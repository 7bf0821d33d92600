using static CloudReel.Core.Tests.Batches.BatchTestKit;

namespace CloudReel.Core.Tests.Batches;

/// <summary>A template is checked as a template before any row: declarations, placeholders, names.</summary>
public class TemplateCheckTests
{
    private static async Task<IReadOnlyList<string>> TemplateErrorsAsync(params string[] lines) =>
        (await ExpandAsync(Lines(lines), "city\nA\n")).Errors.Select(e => e.ToString()).ToList();

    [Fact]
    public async Task UnknownVariable_SuggestsTheDeclaredOne()
    {
        var errors = await TemplateErrorsAsync("title: \"{{ ctiy }}\"", "variables:", "  city: string", "shots:", "  - {id: a, prompt: \"{{ city }}\"}");

        errors.Should().Equal("guide.yaml:1:8: title: unknown variable 'ctiy'; did you mean 'city'?");
    }

    [Fact]
    public async Task MisspeltPlaceholder_DoesNotAlsoCallItsVariableUnused()
    {
        var errors = await TemplateErrorsAsync("title: T", "variables:", "  city: string", "shots:", "  - {id: a, prompt: \"{{ ctiy }}\"}");

        errors.Should().Equal("guide.yaml:5:21: shots[0].prompt: unknown variable 'ctiy'; did you mean 'city'?");
    }

    [Fact]
    public async Task UnusedVariable_IsAnError()
    {
        var errors = await TemplateErrorsAsync("title: T", "variables:", "  city: string", "  citty: string", "shots:", "  - {id: a, prompt: \"{{ city }}\"}");

        errors.Should().Equal("guide.yaml:4:3: variables.citty: variable 'citty' is declared but no placeholder uses it; use {{ citty }} or remove it");
    }

    [Fact]
    public async Task UnknownFilter_And_Unclosed_And_ItemOutsideRepeat()
    {
        var errors = await TemplateErrorsAsync(
            "title: \"{{ city | uper }}\"",
            "variables:",
            "  city: string",
            "shots:",
            "  - {id: a, prompt: \"{{ city \"}",
            "  - {id: b, prompt: \"{{ item }}\"}");

        errors.Should().Equal(
            "guide.yaml:1:8: title: in '{{ city | uper }}': unknown filter 'uper'; did you mean 'upper'? (filters: upper, lower, default, number)",
            "guide.yaml:5:21: shots[0].prompt: '{{' is not closed with '}}'",
            "guide.yaml:6:21: shots[1].prompt: '{{ item }}' is only known inside an item with 'repeat: LIST'");
    }

    [Fact]
    public async Task Declarations_AreChecked()
    {
        var errors = await TemplateErrorsAsync(
            "title: \"{{ city }}{{ level }}{{ n }}{{ item }}\"",
            "variables:",
            "  city: strng",
            "  level: {type: enum}",
            "  n: {type: number, default: many}",
            "  item: string",
            "shots:",
            "  - {id: a, prompt: p, repeat: level}");

        errors.Should().Contain([
            "guide.yaml:3:9: variables.city: unknown type 'strng'; did you mean 'string'? (one of: string, number, boolean, enum, file, image, list)",
            "guide.yaml:4:10: variables.level.values: an enum needs its 'values': a list of the names it allows, e.g. [mild, hot]",
            "guide.yaml:5:30: variables.n.default: expected a number (digits with a '.' for decimals, e.g. 12.5), found text 'many'",
            "guide.yaml:6:3: variables.item: 'item' is kept for the current item of a repeat; choose another name",
        ]);
        errors.Should().Contain(e => e.Contains("'repeat' needs a list variable; 'level' is enum", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnquotedPlaceholderInYaml_SaysToQuoteIt()
    {
        var errors = await TemplateErrorsAsync("title: {{ city }}", "variables:", "  city: string", "shots:", "  - {id: a, prompt: p}");

        errors.Should().Equal("guide.yaml:1:8: syntax: a value that starts with '{{' must be in quotes in YAML, e.g. \"{{ city }}\"");
    }

    [Fact]
    public async Task PlaceholderAtTheStartOfABlockScalarLine_IsText()
    {
        var template = Lines("title: T", "variables:", "  city: string", "shots:", "  - id: a", "    prompt: |", "      {{ city }} at dawn");

        var rows = await ValidRowsAsync(template, "city\nXi'an\n");

        OrderOf(rows[0]).Shots[0].Prompt.Should().Be("Xi'an at dawn\n");
    }

    [Fact]
    public async Task EnumValue_OutsideItsValues_SuggestsTheClosest()
    {
        var template = Lines("title: T", "variables:", "  level: {type: enum, values: [mild, hot]}", "shots:", "  - {id: a, prompt: \"{{ level }}\"}");

        var expansion = await ExpandAsync(template, "level\nhto\n");

        expansion.Errors.Select(e => e.ToString()).Should().Equal(
            "rows.csv:2:1: row 1 column 'level': expected one of mild, hot, found text 'hto'; did you mean 'hot'?");
    }

    [Fact]
    public async Task Filters_UpperLowerDefaultNumber()
    {
        var template = Lines(
            "title: \"{{ a | upper }}|{{ a | lower }}|{{ b | default: 'none' }}|{{ c | number: '0.00' }}|{{ c | number: '#,0' }}\"",
            "variables:",
            "  a: string",
            "  b: {type: string, required: false}",
            "  c: number",
            "shots:",
            "  - {id: a, prompt: p}");

        var rows = await ValidRowsAsync(template, "a,b,c\nMiXed,,12345.678\n");

        OrderOf(rows[0]).Title.Should().Be("MIXED|mixed|none|12345.68|12,346");
    }

    [Fact]
    public async Task NumberFilterOnText_IsARowError()
    {
        var template = Lines("title: \"{{ a | number: '0.0' }}\"", "variables:", "  a: string", "shots:", "  - {id: a, prompt: p}");

        var expansion = await ExpandAsync(template, "a\nlots\n");

        expansion.Errors.Select(e => e.ToString()).Should().Equal("rows.csv:2:1: row 1 column 'a' → title: 'number: \"0.0\"' needs a number, found text 'lots'");
    }

    [Fact]
    public async Task EmptyOptionalPlaceholder_LeavesTheFieldOut()
    {
        var template = Lines("title: T", "model: animatic", "variables:", "  pic: {type: image, required: false}", "shots:", "  - {id: a, prompt: p, image: \"{{ pic }}\"}");

        var rows = await ValidRowsAsync(template, "pic\n\"\"\n");

        OrderOf(rows[0]).Shots[0].Image.Should().BeNull();
    }
}
