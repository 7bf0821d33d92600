using static CloudReel.Core.Tests.Batches.BatchTestKit;

namespace CloudReel.Core.Tests.Batches;

public class BatchRowErrorTests
{
    private static readonly string Template = Lines(
        "title: \"{{ city }}\"",
        "model: animatic",
        "variables:",
        "  city: string",
        "  image: image",
        "  secs: {type: number, default: 3}",
        "shots:",
        "  - id: a",
        "    prompt: \"{{ city }} street\"",
        "    image: \"{{ image }}\"",
        "    seconds: \"{{ secs }}\"",
        "  - id: b",
        "    prompt: A bowl of noodles",
        "    seconds: 2");

    [Fact]
    public async Task BadRows_EveryErrorLocatedAtRowColumnAndField()
    {
        var csv = Lines(
            "name,city,image,secs",
            "xian,Xi'an,refs/xian.jpg,4",
            "chengdu,Chengdu,refs/chengdu.jpg,four",
            "harbin,Harbin,refs/harbin.jpg,90");

        var expansion = await ExpandAsync(Template, csv, "cities.csv", new MemoryOrderSource().With("refs/chengdu.jpg", "refs/harbin.jpg"));

        expansion.IsValid.Should().BeFalse();
        expansion.Rows.Should().BeEmpty("a batch with bad rows is refused whole");
        expansion.Errors.Select(e => e.ToString()).Should().BeEquivalentTo(
            "cities.csv:2:3: row 1 column 'image' → shots[0].image: file not found: refs/xian.jpg (relative to the template)",
            "cities.csv:3:4: row 2 column 'secs': expected a number (digits with a '.' for decimals, e.g. 12.5), found text 'four'",
            "cities.csv:4:4: row 3 column 'secs' → shots[0].seconds: must be from 1 to 60 seconds, found 90");
    }

    [Fact]
    public async Task TemplateError_FoundOnlyOnceRowsFillIt_IsReportedOnceAtTheTemplateLine()
    {
        var template = Template.Replace("    seconds: 2", "    seconds: 2\n    camera: zoom-sideways");

        var expansion = await ExpandAsync(template, Lines("city,image", "A,a.jpg", "B,a.jpg"), "rows.csv", new MemoryOrderSource().With("a.jpg"));

        var error = expansion.Errors.Should().ContainSingle().Subject;
        error.File.Should().Be("guide.yaml");
        error.Line.Should().Be(15);
        error.Field.Should().Be("shots[1].camera");
    }

    [Fact]
    public async Task UnknownColumn_And_MissingRequired_AreLocated()
    {
        var expansion = await ExpandAsync(Template, Lines("cty,image", "A,a.jpg"), "rows.csv", new MemoryOrderSource().With("a.jpg"));

        expansion.Errors.Select(e => e.ToString()).Should().Contain([
            "rows.csv:1:1: column 'cty': 'cty' is not a variable of the template; did you mean 'city'?",
            "rows.csv:1:1: header: no column 'city': the template's variable 'city' is required",
        ]);
    }

    [Fact]
    public async Task RepeatedColumn_IsAnError()
    {
        var expansion = await ExpandAsync(Template, Lines("city,image,city", "A,a.jpg,B"), "rows.csv", new MemoryOrderSource().With("a.jpg"));

        expansion.Errors.Select(e => e.ToString()).Should().Equal("rows.csv:1:3: column 'city': the column 'city' is already column 1; keep one");
    }

    [Fact]
    public async Task EmptyRequiredCell_IsAnErrorAtItsCell()
    {
        var expansion = await ExpandAsync(Template, Lines("city,image", ",a.jpg"), "rows.csv", new MemoryOrderSource().With("a.jpg"));

        expansion.Errors.Select(e => e.ToString()).Should().Equal("rows.csv:2:1: row 1 column 'city': no value for 'city': it is required");
    }

    [Fact]
    public async Task DuplicateAndUnsafeNames_AreErrors()
    {
        var csv = Lines("name,city,image", "xian,A,a.jpg", "XIAN,B,a.jpg", "../up,C,a.jpg");

        var expansion = await ExpandAsync(Template, csv, "rows.csv", new MemoryOrderSource().With("a.jpg"));

        expansion.Errors.Should().HaveCount(2);
        expansion.Errors[0].ToString().Should().Be("rows.csv:3:1: row 2 column 'name': the name 'XIAN' is already used by row 1; each film needs its own name");
        expansion.Errors[1].ToString().Should().StartWith("rows.csv:4:1: row 3 column 'name': '../up' is not a film name");
    }

    [Fact]
    public async Task JsonLines_ErrorsPointAtTheValue()
    {
        var jsonl = Lines(
            "{\"outputKey\": \"a\", \"variables\": {\"city\": \"A\", \"image\": \"a.jpg\"}}",
            "",
            "{\"name\": \"b\", \"city\": \"B\", \"image\": \"missing.png\"}");

        var expansion = await ExpandAsync(Template, jsonl, "rows.jsonl", new MemoryOrderSource().With("a.jpg"));

        expansion.Errors.Select(e => e.ToString()).Should().Equal("rows.jsonl:3:37: row 2 column 'image' → shots[0].image: file not found: missing.png (relative to the template)");
    }

    [Fact]
    public async Task PicturesAreReadThroughOnceForTheWholeBatch_AndAnUnreadableOneIsLocatedAtEachRow()
    {
        var probe = new CountingProbe { Unreadable = "refs/bad.jpg" };
        var csv = Lines("city,image", "A,refs/good.jpg", "B,refs/good.jpg", "C,refs/bad.jpg", "D,refs/good.jpg", "E,refs/bad.jpg");
        var files = new MemoryOrderSource().With("refs/good.jpg", "refs/bad.jpg");

        var expansion = await new Core.Batches.TemplateBatchExpander(Catalog, probe).ExpandAsync(
            Core.Intake.OrderDocument.FromFile(Template, "guide.yaml"), new Core.Batches.BatchData(csv, "rows.csv"), files, CancellationToken.None);

        probe.Calls.Should().Be(2, "each distinct picture is read through once, not once per row");
        expansion.Errors.Select(e => e.ToString()).Should().Equal(
            "rows.csv:4:2: row 3 column 'image' → shots[0].image: refs/bad.jpg could not be decoded",
            "rows.csv:6:2: row 5 column 'image' → shots[0].image: refs/bad.jpg could not be decoded");
    }

    /// <summary>A probe that counts its calls and finds one file (told by its content) unreadable.</summary>
    private sealed class CountingProbe : Core.Ports.IMediaFileProbe
    {
        public string Unreadable { get; init; } = "";

        public int Calls { get; private set; }

        public async Task<string?> ProblemWithAsync(Stream content, Core.Ports.MediaFileKind kind, CancellationToken cancellationToken = default)
        {
            Calls++;
            using var reader = new StreamReader(content);
            return (await reader.ReadToEndAsync(cancellationToken)).Contains(Unreadable, StringComparison.Ordinal) ? "could not be decoded" : null;
        }

        public Task<double?> VideoSecondsAsync(Stream content, CancellationToken cancellationToken = default) => Task.FromResult<double?>(null);
    }
}
