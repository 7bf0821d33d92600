using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

/// <summary>What a model must be able to do for last frames, subject references, picture shapes, workflows and budgets.</summary>
public class OrderModelAbilityTests
{
    private static readonly IReadOnlyDictionary<string, ModelCapabilities> Models = new Dictionary<string, ModelCapabilities>
    {
        ["animatic"] = new() { Name = "animatic", Version = "1", Durations = DurationOptions.Range(1, 60), ImageToVideo = true },
        ["vidu"] = new() { Name = "vidu", Version = "q2", Durations = DurationOptions.Range(1, 10), ImageToVideo = true, LastFrame = true, MaxReferenceImages = 3, PricePerSecond = 0.05m },
        ["sora-2"] = new() { Name = "sora-2", Version = "2", Durations = DurationOptions.Only(4, 8, 12), Sizes = [new FrameSize(1280, 720), new FrameSize(720, 1280)], PricePerSecond = 0.1m },
        ["comfyui"] = new() { Name = "comfyui", Version = "1", Durations = DurationOptions.Range(1, 20), NeedsWorkflow = true },
        ["yuan"] = new() { Name = "yuan", Version = "1", Durations = DurationOptions.Range(1, 20), PricePerSecond = 0.3m, Currency = "CNY" },
    };

    private static readonly FakeOrderFiles Files = new FakeOrderFiles().With("a.png", 10).With("b.png", 10).With("c.png", 10).With("d.png", 10).With("w.json", 100);

    [Fact]
    public async Task LoadAsync_LastImageOnAModelThatCannotEndOnAPicture_NamesModelsThatCan()
    {
        var errors = await ErrorsAsync("model: animatic", "shots:", "  - {id: a, prompt: p, image: a.png, lastImage: b.png, model: sora-2, seconds: 4}");

        errors.Should().ContainSingle(e => e.Field == "shots[0].lastImage")
            .Which.Message.Should().Be("model 'sora-2' can't end on a given picture; models that can: vidu");
    }

    [Fact]
    public async Task LoadAsync_LastImageWithoutImage_AsksForTheFirstFrame()
    {
        var errors = await ErrorsAsync("model: vidu", "shots:", "  - {id: a, prompt: p, lastImage: b.png}");

        errors.Should().ContainSingle().Which.Message.Should().Be("a last frame needs a first one: add 'image'");
    }

    [Fact]
    public async Task LoadAsync_MoreReferencesThanTheModelKeeps_SaysHowManyItKeeps()
    {
        var errors = await ErrorsAsync("model: vidu", "shots:", "  - {id: a, prompt: p, references: [a.png, b.png, c.png, d.png]}");

        errors.Should().ContainSingle().Which.Should().Match<OrderError>(e =>
            e.Field == "shots[0].references" && e.Message == "model 'vidu' keeps at most 3 reference image(s), not 4");
    }

    [Fact]
    public async Task LoadAsync_ReferencesTogetherWithImage_IsAnError()
    {
        var errors = await ErrorsAsync("model: vidu", "shots:", "  - {id: a, prompt: p, image: a.png, references: [b.png]}");

        errors.Should().ContainSingle().Which.Message.Should().StartWith("'references' and 'image' can't be combined");
    }

    [Fact]
    public async Task LoadAsync_SquareOrderForALandscapeAndPortraitModel_SaysOnceWhatItMakes()
    {
        var errors = await ErrorsAsync("model: sora-2", "aspects: ['1:1']", "shots:", "  - {id: a, prompt: p, seconds: 4}", "  - {id: b, prompt: q, seconds: 8}");

        errors.Should().ContainSingle().Which.Should().Match<OrderError>(e =>
            e.Field == "model" && e.Message == "model 'sora-2' can't make 1:1 pictures (it makes 1280x720, 720x1280); pick another model or put another aspect first");
    }

    [Fact]
    public async Task LoadAsync_WorkflowModelWithoutAWorkflow_AsksForOne_AndAcceptsItWhenGiven()
    {
        var missing = await ErrorsAsync("model: comfyui", "shots:", "  - {id: a, prompt: p}");
        var given = await ErrorsAsync("model: comfyui", "workflow: w.json", "shots:", "  - {id: a, prompt: p}");

        missing.Should().ContainSingle().Which.Message.Should().Contain("add 'workflow: <graph>.json'");
        given.Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAsync_BudgetInAnotherCurrencyThanAPricedModel_IsAnError()
    {
        var errors = await ErrorsAsync("model: yuan", "budget: 10", "shots:", "  - {id: a, prompt: p}");

        errors.Should().ContainSingle().Which.Should().Match<OrderError>(e => e.Field == "budget" && e.Message.Contains("'yuan' in CNY"));
    }

    [Fact]
    public async Task LoadAsync_ModelKnownButNotConfigured_SaysWhatToSet()
    {
        var unconfigured = new Dictionary<string, string> { ["kling"] = "set Models:Kling:AccessKey and Models:Kling:SecretKey" };
        var loader = new OrderLoader(Files, Models, unconfigured);

        var result = await loader.LoadAsync(Lines("title: T", "model: kling", "shots:", "  - {id: a, prompt: p}"), "o.yaml");

        result.Errors.Should().ContainSingle().Which.Message.Should().Be("model 'kling' is not configured here: set Models:Kling:AccessKey and Models:Kling:SecretKey");
    }

    [Fact]
    public async Task LoadAsync_NewFileFields_AreCheckedForExistence()
    {
        var errors = await ErrorsAsync("model: vidu", "workflow: missing.json", "shots:", "  - {id: a, prompt: p, image: a.png, lastImage: gone.png}");

        errors.Select(e => e.Field).Should().BeEquivalentTo("workflow", "shots[0].lastImage");
        errors.Should().OnlyContain(e => e.Message.StartsWith("file not found", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<OrderError>> ErrorsAsync(params string[] lines) =>
        (await new OrderLoader(Files, Models).LoadAsync(Lines(["title: T", .. lines]), "o.yaml")).Errors;
}
