using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Tests.Orders;

namespace CloudReel.Core.Tests.Planning;

/// <summary>Whatever planned the shots, the plan is checked like a hand-written order.</summary>
public class FilmPlannerTests
{
    private static readonly IReadOnlyDictionary<string, ModelCapabilities> Models = new Dictionary<string, ModelCapabilities>
    {
        ["kling"] = new() { Name = "kling", Version = "2", Durations = DurationOptions.Only(5, 10) },
    };

    private static readonly FilmOrder Brief = new() { Title = "T", Model = "kling", Languages = ["en"], Brief = "A lighthouse at dawn. Waves on the rocks." };

    [Fact]
    public async Task PlanAsync_LanguageModelPlanIsValid_UsesIt()
    {
        var planner = new FilmPlanner(new CannedPlanner(Shot("lighthouse", 10)));

        var result = await planner.PlanAsync(Brief, null, Models, new FakeOrderFiles());

        result.Planned.Shots.Should().ContainSingle().Which.Id.Should().Be("lighthouse");
    }

    [Fact]
    public async Task PlanAsync_LanguageModelPlanFailsTheOrderChecks_RulesPlanInsteadWithANote()
    {
        var planner = new FilmPlanner(new CannedPlanner(Shot("lighthouse", 7)));

        var result = await planner.PlanAsync(Brief, null, Models, new FakeOrderFiles());

        result.Planned.Shots.Should().OnlyContain(s => s.Seconds == 5 || s.Seconds == 10);
        result.Notes[0].Should().StartWith("the canned planner's plan was not used (1 problem(s), first: shots[0].seconds: 7 seconds is not offered by model 'kling'");
    }

    [Fact]
    public async Task PlanAsync_LanguageModelFails_RulesPlanInsteadWithTheReason()
    {
        var planner = new FilmPlanner(new CannedPlanner(null));

        var result = await planner.PlanAsync(Brief, null, Models, new FakeOrderFiles());

        result.Planned.Shots.Should().NotBeEmpty();
        result.Notes[0].Should().Contain("(the chat service answered 503)");
    }

    private static ShotSpec Shot(string id, double seconds) => new() { Id = id, Prompt = "A lighthouse at dawn", Seconds = seconds };

    private sealed class CannedPlanner(ShotSpec? shot) : IShotPlanner
    {
        public string Name => "canned";

        public Task<PlanResult> PlanAsync(FilmOrder order, string? scriptText, ModelCapabilities model, CancellationToken cancellationToken = default) =>
            shot is null
                ? throw new HttpRequestException("the chat service answered 503")
                : Task.FromResult(new PlanResult(order with { Brief = null, Shots = [shot] }, []));
    }
}
