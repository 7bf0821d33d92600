using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Models.Configuration;
using CloudReel.Models.Planning;
using CloudReel.Testing.Fakes;

namespace CloudReel.Models.Tests.Planning;

/// <summary>The language-model planner against a fake Azure OpenAI chat-completions endpoint.</summary>
public sealed class AzureOpenAIShotPlannerTests : IAsyncLifetime
{
    private const string Plan = """
        {
          "characters": [
            {"name": "Mei", "look": "a girl of eight in a yellow raincoat and red boots"},
            {"name": "Grandpa Lin", "look": "a thin old man with a white beard and a grey cardigan"}
          ],
          "shots": [
            {"id": "Harbour Dawn!", "prompt": "Fishing boats rock in a misty harbour at dawn", "seconds": 4, "camera": "pan-right", "characters": [],
             "captions": [{"language": "zh-CN", "text": "清晨的渔港"}, {"language": "en", "text": "Dawn at the harbour"}, {"language": "fr", "text": "Aube"}]},
            {"id": "mei", "prompt": "Mei runs along the pier", "seconds": 7, "camera": "tracking", "characters": ["Mei"],
             "captions": [{"language": "en", "text": "Mei races the tide"}]},
            {"id": "mei", "prompt": "Mei and Grandpa Lin mend a net", "seconds": 10, "camera": "zoom-wobble", "characters": ["Mei", "Grandpa Lin", "Nobody"],
             "captions": []}
          ]
        }
        """;

    private static readonly ModelCapabilities Kling = new() { Name = "kling", Version = "2", Durations = DurationOptions.Only(5, 10) };
    private readonly FakeAzureOpenAI _fake = new();

    public async Task InitializeAsync()
    {
        await _fake.StartAsync();
        _fake.ChatAnswer = _ => Plan;
    }

    [Fact]
    public async Task PlanAsync_Brief_AsksForStrictStructuredOutputWithTheBriefAndTheModelsLimits()
    {
        using var planner = Create();

        await planner.PlanAsync(Order(), null, Kling);

        var request = _fake.ChatRequests.Single();
        request["model"]!.GetValue<string>().Should().Be("gpt-4o-mini");
        request["response_format"]!["json_schema"]!["name"]!.GetValue<string>().Should().Be(PlanSchema.Name);
        request["response_format"]!["json_schema"]!["schema"]!["properties"]!["shots"].Should().NotBeNull();
        var text = request["messages"]!.AsArray().Select(m => m!["content"]!.ToJsonString()).Aggregate((a, b) => a + b);
        text.Should().Contain("A fishing village wakes up").And.Contain("5, 10 s").And.Contain("zh-CN, en");
        _fake.Requests.Single().Authorization.Should().BeNull("Azure's api-key header replaces the client's bearer key");
    }

    [Fact]
    public async Task PlanAsync_RecurringCharacters_BecomeTheCastAndCastingPutsTheirOneLookIntoEveryShot()
    {
        using var planner = Create();

        var result = await planner.PlanAsync(Order(), null, Kling);

        var planned = result.Planned;
        planned.Characters.Select(c => (c.Id, c.Name, c.Look)).Should().Equal(
            ("mei", "Mei", "a girl of eight in a yellow raincoat and red boots"),
            ("grandpa-lin", "Grandpa Lin", "a thin old man with a white beard and a grey cardigan"));
        planned.Shots.Select(s => string.Join(",", s.Cast)).Should().Equal("", "mei", "mei,grandpa-lin");
        planned.Shots[2].Prompt.Should().Be("Mei and Grandpa Lin mend a net", "looks are added when the shot is cast, not written into the plan");
        var prompts = ShotCasting.Cast(planned, new Dictionary<string, ModelCapabilities> { ["kling"] = Kling }, new Dictionary<string, string>())
            .Shots.Select(s => s.Chain[0].Request.Prompt).ToList();
        prompts[1].Should().Contain("Mei: a girl of eight in a yellow raincoat and red boots");
        prompts[2].Should().Contain("Mei: a girl of eight in a yellow raincoat and red boots").And.Contain("Grandpa Lin: a thin old man with a white beard");
        prompts[0].Should().NotContain("Mei:");
        result.Notes.Should().Contain(n => n.Contains("1 recurring character(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlanAsync_CastTheOrderOnlyNames_GetsItsLooksFromTheChatModelAndTheOrdersLooksStay()
    {
        using var planner = Create();
        var order = Order() with
        {
            Characters = [new CastMember("mei", "Mei", "Mei", ["cast/mei.png"]), new CastMember("lin", "Grandpa Lin", "a fisherman in oilskins", [])],
        };

        var result = await planner.PlanAsync(order, null, Kling);

        result.Planned.Characters.Select(c => (c.Id, c.Look)).Should().Equal(("mei", "a girl of eight in a yellow raincoat and red boots"), ("lin", "a fisherman in oilskins"));
        result.Planned.Characters[0].Pictures.Should().Equal("cast/mei.png");
        result.Planned.Shots[2].Cast.Should().Equal("mei", "lin");
        var material = _fake.ChatRequests.Single()["messages"]![1]!["content"]!.GetValue<string>();
        material.Should().Contain("- Grandpa Lin: a fisherman in oilskins");
    }

    [Fact]
    public async Task PlanAsync_AnswerOutsideTheOrdersRules_IsFittedToTheModelAndTheOrder()
    {
        using var planner = Create();

        var shots = (await planner.PlanAsync(Order(), null, Kling)).Planned.Shots;

        shots.Select(s => s.Seconds).Should().Equal(5, 5, 10);
        shots[2].Camera.Should().Be(CameraMove.Static, "an unknown move falls back to a static camera");
        shots[0].Captions.Keys.Should().BeEquivalentTo("zh-CN", "en");
    }

    [Fact]
    public async Task FilmPlanner_LanguageModelPlan_PassesTheSameChecksAsAHandWrittenOrder()
    {
        using var planner = Create();
        var models = new Dictionary<string, ModelCapabilities> { ["kling"] = Kling };

        var result = await new FilmPlanner(planner).PlanAsync(Order(), null, models, new NoFiles());

        (await FilmPlanner.CheckAsync(result.Planned, models, new NoFiles())).Should().BeEmpty();
        result.Notes.Should().NotContain(n => n.Contains("was not used", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FilmPlanner_ChatAnswersNoShots_RulesPlanWithANote()
    {
        _fake.ChatAnswer = _ => """{"characters": [], "shots": []}""";
        using var planner = Create();

        var result = await new FilmPlanner(planner).PlanAsync(Order(), null, new Dictionary<string, ModelCapabilities> { ["kling"] = Kling }, new NoFiles());

        result.Planned.Shots.Should().NotBeEmpty();
        result.Notes[0].Should().Be("the azure-openai (gpt-4o-mini) planner's plan was not used (the chat model planned no shots); the rule-based planner planned the film");
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private AzureOpenAIShotPlanner Create() => new(
        new PlannerOptions { Deployment = "gpt-4o-mini" },
        new AzureOpenAIOptions { Endpoint = _fake.Endpoint, ApiKey = "azure-key" });

    private static FilmOrder Order() => new()
    {
        Title = "The Harbour",
        Model = "kling",
        Languages = ["zh-CN", "en"],
        Brief = "A fishing village wakes up. Mei runs to meet her grandfather, and together they mend the nets.",
    };

    private sealed class NoFiles : IOrderFiles
    {
        public Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default) => Task.FromResult<long?>(null);
    }
}
