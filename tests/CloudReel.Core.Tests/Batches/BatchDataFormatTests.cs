using static CloudReel.Core.Tests.Batches.BatchTestKit;

namespace CloudReel.Core.Tests.Batches;

public class BatchDataFormatTests
{
    private static readonly string Template = Lines(
        "title: \"{{ city }}\"",
        "model: animatic",
        "languages: [zh-CN, en]",
        "variables:",
        "  city: string",
        "  caption: string",
        "  dishes: {type: list, default: []}",
        "  spicy: {type: boolean, default: false}",
        "shots:",
        "  - id: a",
        "    prompt: \"{{ city }}\"",
        "    seconds: 2",
        "    caption: {zh-CN: \"{{ caption }}\", en: \"{{ city }}\"}",
        "  - id: dish",
        "    repeat: dishes",
        "    when: \"{{ spicy }}\"",
        "    prompt: \"{{ item }}\"",
        "    seconds: 1");

    [Fact]
    public async Task Csv_WithBom_QuotedCommasAndLineBreaks_AndChinese()
    {
        var csv = "\uFEFFname,city,caption,dishes,spicy\r\n"
            + "xian,\"Xi'an, Shaanxi\",\"西安，\n古城\",肉夹馍|biangbiang面,true\r\n"
            + "chengdu,Chengdu,\"成都 \"\"天府之国\"\"\",,no\r\n";

        var rows = await ValidRowsAsync(Template, csv);

        rows.Select(r => (r.Row, r.Key)).Should().Equal((1, "xian"), (2, "chengdu"));
        var xian = OrderOf(rows[0]);
        xian.Title.Should().Be("Xi'an, Shaanxi");
        xian.Shots[0].Captions["zh-CN"].Should().Be("西安，\n古城");
        xian.Shots.Select(s => s.Prompt).Should().Equal("Xi'an, Shaanxi", "肉夹馍", "biangbiang面");
        OrderOf(rows[1]).Shots[0].Captions["zh-CN"].Should().Be("成都 \"天府之国\"");
        OrderOf(rows[1]).Shots.Should().ContainSingle();
    }

    [Fact]
    public async Task Csv_RowAfterAMultiLineField_IsLocatedAtItsOwnLine()
    {
        var csv = Lines("city,caption,spicy", "\"A\",\"one\ntwo\",no", "B,x,maybe");

        var expansion = await ExpandAsync(Template, csv);

        expansion.Errors.Select(e => e.ToString()).Should().Equal(
            "rows.csv:4:3: row 2 column 'spicy': expected true or false (or yes/no, 1/0), found text 'maybe'");
    }

    [Fact]
    public async Task Csv_RowWithTooManyFields_IsLocated()
    {
        var expansion = await ExpandAsync(Template, Lines("city,caption", "A,x", "B,y,z"));

        expansion.Errors.Select(e => e.ToString()).Should().Equal(
            "rows.csv:3:1: row 2: has 3 field(s) but the header has 2 column(s); put a field with commas in quotes");
    }

    [Fact]
    public async Task JsonArray_TypedValuesAndRecordsInLists()
    {
        var template = Template.Replace("\"{{ item }}\"", "\"{{ item.name }} for {{ item.price | number: \\\"0.0\\\" }}\"");
        var json = """
            [
              {"name": "xian", "city": "Xi'an", "caption": "西安", "spicy": true,
               "dishes": [{"name": "roujiamo", "price": 12}, {"name": "noodles", "price": 18.5}]},
              {"name": "hz", "city": "Hangzhou", "caption": "杭州"}
            ]
            """;

        var rows = await ValidRowsAsync(template, json, "rows.json");

        OrderOf(rows[0]).Shots.Select(s => s.Prompt).Should().Equal("Xi'an", "roujiamo for 12.0", "noodles for 18.5");
        OrderOf(rows[1]).Shots.Should().ContainSingle();
    }

    [Fact]
    public async Task JsonArray_ItemWithoutTheField_IsLocatedAtTheList()
    {
        var template = Template.Replace("\"{{ item }}\"", "\"{{ item.nmae }}\"");
        var json = "[\n  {\"city\": \"A\", \"caption\": \"x\", \"spicy\": true, \"dishes\": [{\"name\": \"n\"}]}\n]";

        var expansion = await ExpandAsync(template, json, "rows.json");

        expansion.Errors.Select(e => e.ToString()).Should().Equal(
            "rows.json:2:58: row 1 column 'dishes' → shots[1].prompt: the item has no field 'nmae'; did you mean 'name'?");
    }

    [Fact]
    public async Task NoRows_IsAnError()
    {
        var expansion = await ExpandAsync(Template, "city,caption\n");

        expansion.Errors.Select(e => e.Message).Should().Equal("there are no rows: give one row per film");
    }
}
