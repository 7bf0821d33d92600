using CloudReel.Core.Orders;
using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

public class OrderYamlWriterTests
{
    // Control characters (BEL, NEL…) are refused in every text field (OrderControlCharacterTests), so they cannot round-trip.
    public static TheoryData<string> HostileTexts => new()
    {
        "He said \"hi\"", "it's", "'quoted'", "\"double\"", "a: b", "a:b", "ends with:", "# hash", "C# rocks", "a #b",
        "back\\slash", "[brackets]", "{braces}", "a, b", "- dash", "-dash", "* star", "&amp", "!bang", "> gt", "| pipe", "% pct",
        "@at", "`tick", "? q", "<<", "=", "yes", "no", "on", "off", "Y", "null", "Null", "~", "true", "FALSE", "1e3", "1.0",
        "0x1F", "0o17", "16:9", "2024-01-01", ".inf", ".NaN", "-5", "+5", "1_000", "007", " leading", "trailing ", " ",
        "line1\nline2", "line1\nline2\n", "a\n\nb\n\n", "\nstarts with a newline", "  indented first\nsecond", "first\n  indented",
        "trailing space \nnext", "tab\there", "cr\r\nlf", "上海 外滩", "外滩：夜景", "emoji 😀🎬", "zero\u200bwidth",
        "nbsp\u00a0x", "line\u2028separator", "---", "...", "--- x", "key: \"value\"", "a\\nb",
        "#", "'", "\"", ":", "-", "?", "x: |", "%YAML 1.2",
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public async Task Write_HostileText_RoundTripsThroughLoadAsync(string text)
    {
        var caption = TextRules.ExplainCaption(text) is null && text.Trim().Length > 0 && TextRules.DisplayWidth(text) <= 84;
        var order = new FilmOrder
        {
            Title = text,
            Style = text,
            Label = TextRules.Length(text) is > 0 and <= 40 ? text : null,
            Languages = ["en", "no"],
            Shots =
            [
                new ShotSpec
                {
                    Id = "a",
                    Prompt = text,
                    Captions = caption ? new Dictionary<string, string> { ["en"] = text, ["no"] = text } : new Dictionary<string, string>(),
                },
            ],
        };

        var yaml = OrderYamlWriter.Write(order);

        var loaded = await LoadValidAsync(yaml);
        loaded.Should().BeEquivalentTo(order, o => o.WithStrictOrdering(), yaml);
    }

    [Fact]
    public async Task Write_FullOrder_RoundTrips()
    {
        var order = await LoadValidAsync(OrderLoaderValidTests.FullYaml, files: OrderLoaderValidTests.FullFiles());

        var again = await LoadValidAsync(OrderYamlWriter.Write(order), files: OrderLoaderValidTests.FullFiles());

        again.Should().BeEquivalentTo(order, o => o.WithStrictOrdering());
    }

    public static TheoryData<FilmOrder> VariedOrders => new()
    {
        new FilmOrder { Title = "Brief", Brief = "A day in Shanghai.\nDawn to dusk.\n", TargetSeconds = 90, Approval = new ApprovalSpec(true) },
        new FilmOrder { Title = "Script", Script = "story.fountain", Budget = new Budget(12.5m), Approval = new ApprovalSpec(false, 5) },
        new FilmOrder
        {
            Title = "Shots",
            Aspects = [AspectRatio.Square, AspectRatio.Portrait],
            Resolution = 480,
            Fps = 24,
            Model = "kling-v2-1",
            Fallback = ["animatic", "vidu-q2"],
            Transition = TransitionSpec.Cut,
            Approval = new ApprovalSpec(true, 1.5),
            Budget = new Budget(99999.99m, "CNY"),
            Shots =
            [
                new ShotSpec { Id = "a", Prompt = "p", Seconds = 12.5, Camera = CameraMove.Orbit, Seed = 0, Transition = new TransitionSpec(TransitionKind.SlideUp, 1.25) },
                new ShotSpec { Id = "b", Prompt = "q", Seconds = 4, Model = "vidu-q2", Seed = 4294967295, Transition = TransitionSpec.Default },
                new ShotSpec { Id = "c", Prompt = "r", Transition = TransitionSpec.Cut },
            ],
        },
        new FilmOrder
        {
            Title = "Assembler",
            Languages = ["zh-CN", "en"],
            Aspects = [AspectRatio.Landscape, AspectRatio.Portrait, AspectRatio.Square],
            AspectSettings = [new AspectSettings(AspectRatio.Landscape, LoudnessTarget.Broadcast), new AspectSettings(AspectRatio.Square, new LoudnessTarget(-16.5), ReframeMode.Blur)],
            Loudness = new LoudnessTarget(-18),
            Music = "music/bed.m4a",
            MusicMix = new MusicMix(0.6, 0, 4.5, Loop: false, Duck: false),
            Logo = "logo.png",
            LogoPlacement = new LogoPlacement(Corner.BottomLeft, 0.2, 1),
            Label = "AI生成",
            LabelDisplay = new LabelDisplay(Corner.TopRight, LabelShow.Always, 2),
            CaptionStyle = CaptionStyle.Bilingual,
            Poster = new PosterChoice("b", 1.5),
            Shots =
            [
                new ShotSpec { Id = "a", Prompt = "p", Focus = new FocusPoint(0, 1), VoiceOver = "vo/a.mp3", Title = "第一章: \"Dawn\" {x}" },
                new ShotSpec { Id = "b", Prompt = "q", Captions = new Dictionary<string, string> { ["zh-CN"] = "外滩", ["en"] = "The Bund" } },
            ],
        },
    };

    [Theory]
    [MemberData(nameof(VariedOrders))]
    public async Task Write_VariedOrders_RoundTrip(FilmOrder order)
    {
        var files = new FakeOrderFiles().With("story.fountain", 100).With("music/bed.m4a", 100).With("logo.png", 100).With("vo/a.mp3", 100);

        var loaded = await LoadValidAsync(OrderYamlWriter.Write(order), files: files);

        loaded.Should().BeEquivalentTo(order, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Write_MinimalOrder_LeavesEveryDefaultOut()
    {
        var order = new FilmOrder { Title = "Minimal", Shots = [new ShotSpec { Id = "a", Prompt = "a red balloon" }] };

        OrderYamlWriter.Write(order).Should().Be(Lines("title: Minimal", "shots:", "  - id: a", "    prompt: a red balloon"));
    }

    [Fact]
    public void Write_SchemaPathAndComments_GoFirst()
    {
        var order = new FilmOrder { Title = "T", Brief = "b" };

        var yaml = OrderYamlWriter.Write(order, "../../schema/film-order.schema.json", ["Planned by CloudReel.", "Edit, then:\ncloudreel render order.yaml"]);

        yaml.Should().Be(Lines(
            "# yaml-language-server: $schema=../../schema/film-order.schema.json",
            "# Planned by CloudReel.",
            "# Edit, then:",
            "# cloudreel render order.yaml",
            "",
            "title: T",
            "brief: b"));
    }

    [Fact]
    public void Write_ShotsWithNestedFields_UsesBlockStyleWithLiteralText()
    {
        var order = new FilmOrder
        {
            Title = "Shanghai in Clay",
            Languages = ["zh-CN", "en"],
            Aspects = [AspectRatio.Landscape, AspectRatio.Portrait],
            Shots =
            [
                new ShotSpec
                {
                    Id = "bund",
                    Prompt = "The Bund at dusk.\nNeon on the river.",
                    Seconds = 6,
                    Captions = new Dictionary<string, string> { ["zh-CN"] = "外滩", ["en"] = "yes" },
                    Transition = new TransitionSpec(TransitionKind.WipeLeft, 0.8),
                },
                new ShotSpec { Id = "park", Prompt = "a: b" },
            ],
        };

        OrderYamlWriter.Write(order).Should().Be(Lines(
            "title: Shanghai in Clay",
            "languages:",
            "  - zh-CN",
            "  - en",
            "aspects:",
            "  - '16:9'",
            "  - '9:16'",
            "shots:",
            "  - id: bund",
            "    prompt: |-",
            "      The Bund at dusk.",
            "      Neon on the river.",
            "    seconds: 6",
            "    caption:",
            "      zh-CN: 外滩",
            "      en: 'yes'",
            "    transition:",
            "      type: wipe-left",
            "      seconds: 0.8",
            "",
            "  - id: park",
            "    prompt: 'a: b'"));
    }

    [Theory]
    [InlineData("上海外滩", "上海外滩")]
    [InlineData("C# rocks", "C# rocks")]
    [InlineData("no", "'no'")]
    [InlineData("1.0", "'1.0'")]
    [InlineData("-dash", "'-dash'")]
    [InlineData("it's fine", "it's fine")]
    [InlineData("a #b", "'a #b'")]
    [InlineData(" lead", "' lead'")]
    [InlineData("tab\there", "\"tab\\there\"")]
    public void Write_Title_QuotesOnlyWhereYamlNeedsIt(string title, string written)
    {
        var yaml = OrderYamlWriter.Write(new FilmOrder { Title = title, Brief = "b" });

        yaml.Should().StartWith($"title: {written}\n");
    }

    [Fact]
    public void Write_Fields_FollowTheFormatsOrder()
    {
        var order = new FilmOrder
        {
            Title = "T", Style = "s", LookPictures = ["look.png"], Characters = [new CastMember("mei", "Mei", "a girl of eight", ["mei.png"], "voice-1")],
            Voice = new VoiceSpec("espeak", Rate: 1.5), Languages = ["en"], Aspects = [AspectRatio.Square], Resolution = 720, Fps = 60, Model = "m",
            Fallback = ["f"], Workflow = "w.json", Budget = new Budget(1), Reframe = ReframeMode.Blur, Loudness = LoudnessTarget.Broadcast,
            Music = "m.mp3", Logo = "l.png", Label = "AI", CaptionStyle = CaptionStyle.None, Poster = new PosterChoice("a"), CleanMaster = false,
            Transition = TransitionSpec.Cut, Approval = new ApprovalSpec(true), Qa = new QaSpec(1, [QaCheck.Freeze]), TargetSeconds = 30, Brief = "b", Script = "s.txt",
            Shots = [new ShotSpec
            {
                Id = "a", Prompt = "p", Seconds = 4, Clip = "c.mp4", Image = "i.png", LastImage = "j.png", References = ["r.png"], Cast = ["mei"], Sequence = "run", Camera = CameraMove.Aerial,
                Captions = new Dictionary<string, string> { ["en"] = "c" }, Model = "m", Seed = 1, Transition = TransitionSpec.Cut,
                Focus = new FocusPoint(0.2, 0.7), VoiceOver = "vo.wav", Title = "Chapter one",
                Narration = new Dictionary<string, string> { ["en"] = "n" }, Dialogue = [new DialogueLine("mei", new Dictionary<string, string> { ["en"] = "d" })],
            }],
        };
        var problems = new OrderProblems();

        var root = (MappingNode)YamlNodeReader.Read(OrderYamlWriter.Write(order), problems)!;

        root.Entries.Select(e => e.Key.Text).Should().Equal(OrderFormat.Order.Fields.Where(f => !f.TemplateOnly).Select(f => f.Name).Where(n => n != "$schema"));
        var shot = (MappingNode)((SequenceNode)root.Find("shots")!).Items[0];
        shot.Entries.Select(e => e.Key.Text).Should().Equal(OrderFormat.Shot.Fields.Where(f => !f.TemplateOnly).Select(f => f.Name));
    }
}
