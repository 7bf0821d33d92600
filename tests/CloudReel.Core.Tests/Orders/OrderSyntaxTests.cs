using CloudReel.Core.Orders;
using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

public class OrderSyntaxTests
{
    [Fact]
    public async Task LoadAsync_YamlSyntaxError_ReportsItsPositionAndStops()
    {
        var error = await SingleErrorAsync(Lines("title: T", "secnds: 1", "shots:", "  - id: a", "   prompt: p"));

        error.Field.Should().Be("syntax");
        (error.Line, error.Column).Should().Be((5, 4));
        error.Message.Should().StartWith("YAML syntax error: ");
    }

    [Fact]
    public async Task LoadAsync_UnclosedFlowList_ReportsASyntaxError()
    {
        var error = await SingleErrorAsync(Lines("title: T", "shots:", "  - id: a", "    prompt: [x", "  - b"));

        error.Field.Should().Be("syntax");
        error.Line.Should().Be(4);
        error.Message.Should().Contain("unclosed");
    }

    [Fact]
    public async Task LoadAsync_JsonSyntaxError_ReportsLineAndColumn()
    {
        var error = await SingleErrorAsync("{\n  \"title\": \"T\",\n  \"brief\" \"b\"\n}", "order.json");

        error.Should().Be(new OrderError("order.json", 3, 11, "syntax",
            "JSON syntax error: '\"' is invalid after a property name. Expected a ':'."));
    }

    [Fact]
    public async Task LoadAsync_JsonSyntaxErrorAfterMultiByteText_CountsCharactersNotBytes()
    {
        var error = await SingleErrorAsync("{\"title\": \"界界\", \"brief\": x}", "order.json");

        (error.Line, error.Column).Should().Be((1, 26));
    }

    [Fact]
    public async Task LoadAsync_JsonValueAfterMultiByteText_HasTheSameColumnAsYaml()
    {
        const string Text = "{\"title\": \"é😀\", \"brief\": 5}";

        var json = await SingleErrorAsync(Text, "order.json");
        var yaml = await SingleErrorAsync(Text, "order.yaml");

        json.Should().Be(new OrderError("order.json", 1, 27, "brief", "expected text, found number 5; put it in quotes if you mean the text: \"5\""));
        yaml.Should().Be(json with { File = "order.yaml" });
    }

    [Fact]
    public async Task LoadAsync_JsonOnLaterLine_CountsLinesFromByteOffsets()
    {
        var error = await SingleErrorAsync("{\n  \"title\": \"上海\",\n  \"brief\": \"b\",\n  \"fps\": 31\n}", "order.json");

        error.Should().Be(new OrderError("order.json", 4, 10, "fps", "31 is not offered; use one of: 24, 25, 30, 50, 60"));
    }

    [Fact]
    public async Task LoadAsync_JsonWithByteOrderMark_Loads()
    {
        var order = await LoadValidAsync("\uFEFF{\"title\": \"T\", \"brief\": \"b\"}", "order.json");

        order.Brief.Should().Be("b");
    }

    [Theory]
    [InlineData("order.yaml", "")]
    [InlineData("order.yaml", "# just a comment\n")]
    [InlineData("order.json", "")]
    public async Task LoadAsync_EmptyFile_SaysTheOrderIsEmpty(string fileName, string text)
    {
        var error = await SingleErrorAsync(text, fileName);

        error.Should().Be(new OrderError(fileName, 1, 1, "order", "the order is empty"));
    }

    [Fact]
    public async Task LoadAsync_DuplicateYamlKey_NamesTheLineOfTheFirst()
    {
        var error = await SingleErrorAsync(Lines("title: T", "brief: b", "title: U"));

        error.Should().Be(new OrderError("order.yaml", 3, 1, "title", "duplicate key 'title' (first given on line 1); keep only one"));
    }

    [Fact]
    public async Task LoadAsync_DuplicateKeyInsideAShot_IsReported()
    {
        var error = await SingleErrorAsync(Lines("title: T", "shots:", "  - id: a", "    prompt: p", "    id: b"));

        error.Should().Be(new OrderError("order.yaml", 5, 5, "shots[0].id", "duplicate key 'id' (first given on line 3); keep only one"));
    }

    [Fact]
    public async Task LoadAsync_DuplicateJsonKey_IsReported()
    {
        var error = await SingleErrorAsync("{\"title\": \"T\",\n \"brief\": \"b\",\n \"title\": \"U\"}", "order.json");

        error.Should().Be(new OrderError("order.json", 3, 2, "title", "duplicate key 'title' (first given on line 1); keep only one"));
    }

    [Fact]
    public async Task LoadAsync_SecondYamlDocument_IsRejected()
    {
        var error = await SingleErrorAsync(Lines("title: T", "brief: b", "---", "title: U"));

        error.Should().Be(new OrderError("order.yaml", 3, 1, "order",
            "an order is a single YAML document; remove the second document (from this '---' on)"));
    }

    [Fact]
    public async Task LoadAsync_AnchorAndAlias_AreBothRejected()
    {
        var result = await LoadAsync(Lines("title: &t T", "brief: *t"));

        result.Errors.Should().Equal(
            new OrderError("order.yaml", 1, 8, "title", "anchors ('&t') are not allowed in orders; remove it"),
            new OrderError("order.yaml", 2, 8, "brief", "aliases ('*t') are not allowed in orders; write the value out in full"));
    }

    [Fact]
    public async Task LoadAsync_MergeKey_IsRejectedOnce()
    {
        var result = await LoadAsync(Lines("title: T", "shots:", "  - id: a", "    prompt: p", "    <<: {seconds: 4}"));

        result.Errors.Should().Equal(new OrderError("order.yaml", 5, 5, "shots[0]", "merge keys ('<<') are not allowed in orders; write the fields out in full"));
    }

    [Fact]
    public async Task LoadAsync_Tag_IsRejectedWithoutFurtherComplaints()
    {
        var result = await LoadAsync(Lines("title: !!str 1984", "brief: b"));

        result.Errors.Should().Equal(new OrderError("order.yaml", 1, 8, "title",
            "tags ('!!str') are not allowed in orders; write text in quotes, numbers and true/false as they are"));
    }

    [Fact]
    public async Task LoadAsync_HostilelyDeepYaml_IsASyntaxErrorNotACrash()
    {
        var text = "title: " + new string('[', 100_000);

        var error = await SingleErrorAsync(text);

        error.Field.Should().Be("syntax");
        error.Message.Should().Be("YAML syntax error: the order is nested more than 64 levels deep");
    }

    [Fact]
    public async Task LoadAsync_HostilelyDeepJson_IsASyntaxError()
    {
        var error = await SingleErrorAsync("{\"title\": " + new string('[', 100_000), "order.json");

        error.Field.Should().Be("syntax");
    }
}
