using static CloudReel.Core.Tests.Batches.BatchTestKit;

namespace CloudReel.Core.Tests.Batches;

public class TemplateRenderingTests
{
    private static readonly string Guide = Lines(
        "title: \"{{ city }} food guide\"",
        "model: animatic",
        "languages: [zh-CN, en]",
        "variables:",
        "  city: {type: string, description: The city in English}",
        "  city_zh: string",
        "  secs: {type: number, default: 3}",
        "  price: {type: number, default: 12.5}",
        "  night: {type: boolean, default: false}",
        "  dishes: {type: list, default: []}",
        "  hero: image",
        "shots:",
        "  - id: open",
        "    prompt: \"A street in {{ city | upper }} at dawn\"",
        "    seconds: \"{{ secs }}\"",
        "    image: \"{{ hero }}\"",
        "    caption: {zh-CN: \"{{ city_zh }}\", en: \"{{ city | lower }}, from {{ price | number: \\\"0.00\\\" }} yuan\"}",
        "  - id: night",
        "    when: \"{{ night }}\"",
        "    prompt: Night market lanterns",
        "  - id: dish",
        "    repeat: dishes",
        "    prompt: \"{{ item }}, dish {{ index }}, in {{ city }}\"");

    [Fact]
    public async Task Placeholders_FilterAndKeepTheirTypes()
    {
        var rows = await ValidRowsAsync(Guide, Lines("name,city,city_zh,hero,secs", "xian,Xi'an,西安,refs/xian.jpg,4"), files: new MemoryOrderSource().With("refs/xian.jpg"));

        var order = OrderOf(rows.Single());
        rows[0].Key.Should().Be("xian");
        order.Title.Should().Be("Xi'an food guide");
        order.Shots.Select(s => s.Id).Should().Equal("open");
        order.Shots[0].Prompt.Should().Be("A street in XI'AN at dawn");
        order.Shots[0].Seconds.Should().Be(4);
        order.Shots[0].Image.Should().Be("refs/xian.jpg");
        order.Shots[0].Captions["zh-CN"].Should().Be("西安");
        order.Shots[0].Captions["en"].Should().Be("xi'an, from 12.50 yuan");
    }

    [Fact]
    public async Task WhenAndRepeat_KeepDropAndRepeatShots()
    {
        var rows = await ValidRowsAsync(Guide, Lines("city,city_zh,hero,night,dishes", "Chengdu,成都,a.jpg,yes,hotpot|dan dan noodles", "Harbin,哈尔滨,a.jpg,false,"),
            files: new MemoryOrderSource().With("a.jpg"));

        OrderOf(rows[0]).Shots.Select(s => s.Id).Should().Equal("open", "night", "dish-1", "dish-2");
        OrderOf(rows[0]).Shots[3].Prompt.Should().Be("dan dan noodles, dish 2, in Chengdu");
        OrderOf(rows[1]).Shots.Select(s => s.Id).Should().Equal("open");
        rows.Select(r => r.Key).Should().Equal("row-1", "row-2");
    }

    [Fact]
    public async Task JsonTemplate_NamedByItsDocument_IsReadAsJson()
    {
        const string template = """
            // JSON with a comment, as orders may be: YAML would not read it
            {"title": "{{ city }}", "model": "animatic", "variables": {"city": "string", "secs": {"type": "number"}},
             "shots": [{"id": "a", "prompt": "{{ city | upper }}", "seconds": "{{ secs }}"}]}
            """;

        var expansion = await new Core.Batches.TemplateBatchExpander(Catalog).ExpandAsync(
            new Core.Intake.OrderDocument(template, Core.Intake.OrderDocument.Json, "template sent in a request"),
            new Core.Batches.BatchData("[{\"city\": \"Hangzhou\", \"secs\": 4}]", "rows.json"), new MemoryOrderSource(), CancellationToken.None);

        expansion.Errors.Should().BeEmpty();
        OrderOf(expansion.Rows[0]).Shots[0].Should().Match<Core.Orders.ShotSpec>(s => s.Prompt == "HANGZHOU" && s.Seconds == 4);
    }
}
