using CloudReel.Core.Orders;
using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

public class OrderLoaderValidTests
{
    internal const string FullYaml = """
        # yaml-language-server: $schema=../../schema/film-order.schema.json
        title: Shanghai in Clay
        style: clay animation, miniature
        languages: [zh-CN, en]
        aspects: ["16:9", "9:16"]
        resolution: 720p
        fps: 25
        model: animatic
        fallback: [kling-v2-1, vidu-q2]
        budget: {limit: 25.5, currency: EUR}
        music: assets/music.m4a
        logo: assets/logo.png
        label: AI生成
        transition: {type: dissolve, seconds: 0.8}
        approval: {required: true, timeoutHours: 24}
        shots:
          - id: bund
            prompt: The Bund at dusk, neon reflections on the river
            seconds: 6
            image: refs/bund.jpg
            camera: push-in
            caption: {zh-CN: 外滩, en: The Bund}
            model: kling-v2-1
            seed: 42
            transition: wipe-left
          - id: yuyuan
            prompt: Yu Garden lanterns
            caption: 豫园
        """;

    internal const string FullJson = """
        // The same order as FullYaml, in JSON with comments and trailing commas.
        {
          "$schema": "../../schema/film-order.schema.json",
          "title": "Shanghai in Clay",
          "style": "clay animation, miniature",
          "languages": ["zh-CN", "en"],
          "aspects": ["16:9", "9:16"],
          "resolution": "720p",
          "fps": 25,
          "model": "animatic",
          "fallback": ["kling-v2-1", "vidu-q2"],
          "budget": {"limit": 25.5, "currency": "EUR"},
          "music": "assets/music.m4a",
          "logo": "assets/logo.png",
          "label": "AI生成",
          "transition": {"type": "dissolve", "seconds": 0.8},
          "approval": {"required": true, "timeoutHours": 24},
          /* two shots */
          "shots": [
            {"id": "bund", "prompt": "The Bund at dusk, neon reflections on the river", "seconds": 6,
             "image": "refs/bund.jpg", "camera": "push-in", "caption": {"zh-CN": "外滩", "en": "The Bund"},
             "model": "kling-v2-1", "seed": 42, "transition": "wipe-left"},
            {"id": "yuyuan", "prompt": "Yu Garden lanterns", "caption": "豫园",},
          ],
        }
        """;

    internal static FakeOrderFiles FullFiles() => new FakeOrderFiles()
        .With("assets/music.m4a", 3 * MB).With("assets/logo.png", 40_000).With("refs/bund.jpg", 2 * MB);

    [Fact]
    public async Task LoadAsync_FullYamlOrder_BindsEveryField()
    {
        var order = await LoadValidAsync(FullYaml, files: FullFiles());

        order.Title.Should().Be("Shanghai in Clay");
        order.Style.Should().Be("clay animation, miniature");
        order.Languages.Should().Equal("zh-CN", "en");
        order.Aspects.Should().Equal(AspectRatio.Landscape, AspectRatio.Portrait);
        order.Resolution.Should().Be(720);
        order.Fps.Should().Be(25);
        order.Model.Should().Be("animatic");
        order.Fallback.Should().Equal("kling-v2-1", "vidu-q2");
        order.Budget.Should().Be(new Budget(25.5m, "EUR"));
        order.Music.Should().Be("assets/music.m4a");
        order.Logo.Should().Be("assets/logo.png");
        order.Label.Should().Be("AI生成");
        order.Transition.Should().Be(new TransitionSpec(TransitionKind.Dissolve, 0.8));
        order.Approval.Should().Be(new ApprovalSpec(true, 24));
        order.NeedsPlanning.Should().BeFalse();
        order.Shots.Should().HaveCount(2);
        var bund = order.Shots[0];
        bund.Id.Should().Be("bund");
        bund.Seconds.Should().Be(6);
        bund.Image.Should().Be("refs/bund.jpg");
        bund.Camera.Should().Be(CameraMove.PushIn);
        bund.Captions.Should().Equal(new Dictionary<string, string> { ["zh-CN"] = "外滩", ["en"] = "The Bund" });
        bund.Model.Should().Be("kling-v2-1");
        bund.Seed.Should().Be(42);
        bund.Transition.Should().Be(new TransitionSpec(TransitionKind.WipeLeft, 0.5));
        order.Shots[1].Captions.Should().Equal(new Dictionary<string, string> { ["zh-CN"] = "豫园" });
        order.Shots[1].Seconds.Should().Be(5);
        order.Shots[1].Transition.Should().BeNull();
    }

    [Fact]
    public async Task LoadAsync_SameOrderAsJson_GivesEquivalentOrder()
    {
        var fromYaml = await LoadValidAsync(FullYaml, files: FullFiles());
        var fromJson = await LoadValidAsync(FullJson, "order.json", FullFiles());

        fromJson.Should().BeEquivalentTo(fromYaml, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task LoadAsync_MinimalOrder_UsesDefaults()
    {
        var order = await LoadValidAsync(Lines("title: Minimal", "shots:", "  - id: a", "    prompt: a red balloon"));

        order.Aspects.Should().Equal(AspectRatio.Landscape);
        order.Resolution.Should().Be(1080);
        order.Fps.Should().Be(30);
        order.Model.Should().Be("animatic");
        order.Transition.Should().Be(TransitionSpec.Default);
        order.Approval.Should().Be(ApprovalSpec.None);
        order.Budget.Should().BeNull();
        order.Shots[0].Seconds.Should().Be(5);
        order.Shots[0].Camera.Should().Be(CameraMove.Static);
        order.Shots[0].Transition.Should().BeNull();
    }

    [Fact]
    public async Task LoadAsync_DefaultsWrittenOut_EqualOmittedDefaults()
    {
        var omitted = await LoadValidAsync(Lines("title: T", "shots:", "  - id: a", "    prompt: p"));
        var explicitDefaults = await LoadValidAsync(Lines(
            "title: T", "aspects: ['16:9']", "resolution: 1080p", "fps: 30", "model: animatic", "transition: crossfade",
            "approval: false", "shots:", "  - {id: a, prompt: p, seconds: 5, camera: static}"));

        explicitDefaults.Should().BeEquivalentTo(omitted);
    }

    [Theory]
    [InlineData("cut", TransitionKind.Cut, 0)]
    [InlineData("wipe-up", TransitionKind.WipeUp, 0.5)]
    [InlineData("{type: zoom-in, seconds: 1.5}", TransitionKind.ZoomIn, 1.5)]
    [InlineData("{type: fade-black}", TransitionKind.FadeBlack, 0.5)]
    [InlineData("{type: cut}", TransitionKind.Cut, 0)]
    public async Task LoadAsync_TransitionForms_BindToSpec(string yaml, TransitionKind kind, double seconds)
    {
        var order = await LoadValidAsync(Lines("title: T", "transition: " + yaml, "shots:", "  - {id: a, prompt: p}"));

        order.Transition.Should().Be(new TransitionSpec(kind, seconds));
    }

    [Theory]
    [InlineData("25", 25, "USD")]
    [InlineData("{limit: 12.75}", 12.75, "USD")]
    [InlineData("{limit: 10, currency: EUR}", 10, "EUR")]
    public async Task LoadAsync_BudgetForms_BindToBudget(string yaml, double limit, string currency)
    {
        var order = await LoadValidAsync(Lines("title: T", "budget: " + yaml, "shots:", "  - {id: a, prompt: p}"));

        order.Budget.Should().Be(new Budget((decimal)limit, currency));
    }

    [Theory]
    [InlineData("true", true, 72)]
    [InlineData("false", false, 72)]
    [InlineData("{timeoutHours: 2}", true, 2)]
    [InlineData("{required: false, timeoutHours: 0.5}", false, 0.5)]
    public async Task LoadAsync_ApprovalForms_BindToApprovalSpec(string yaml, bool required, double hours)
    {
        var order = await LoadValidAsync(Lines("title: T", "approval: " + yaml, "shots:", "  - {id: a, prompt: p}"));

        order.Approval.Should().Be(new ApprovalSpec(required, hours));
    }

    [Fact]
    public async Task LoadAsync_BriefWithDuration_NeedsPlanning()
    {
        var order = await LoadValidAsync(Lines("title: T", "duration: 45", "brief: |", "  A day in Shanghai.", "  From dawn to night."));

        order.NeedsPlanning.Should().BeTrue();
        order.Brief.Should().Be("A day in Shanghai.\nFrom dawn to night.\n");
        order.TargetSeconds.Should().Be(45);
    }

    [Fact]
    public async Task LoadAsync_ScriptOrder_ChecksTheScriptFile()
    {
        var files = new FakeOrderFiles().With("story.fountain", 10_000);

        var order = await LoadValidAsync(Lines("title: T", "script: story.fountain"), files: files);

        order.Script.Should().Be("story.fountain");
        files.Requested.Should().Equal("story.fountain");
    }

    [Fact]
    public async Task LoadAsync_YamlNumberForms_ReadAsNumbers()
    {
        var order = await LoadValidAsync(Lines("title: T", "shots:", "  - {id: a, prompt: p, seconds: 1e1, seed: 0x2A}"));

        order.Shots[0].Seconds.Should().Be(10);
        order.Shots[0].Seed.Should().Be(42);
    }

    [Fact]
    public async Task LoadAsync_LargestSeed_IsKeptExactly()
    {
        var order = await LoadValidAsync(Lines("title: T", "shots:", "  - {id: a, prompt: p, seed: 4294967295}"));

        order.Shots[0].Seed.Should().Be(4294967295L);
    }
}
