using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

/// <summary>The members of TaskOrchestrationContext beyond calls, timers and events, as the engine implements them.</summary>
public sealed class ContextTests : EngineTestBase
{
    private sealed record Shot(string Id, int Seconds);

    [Fact]
    public async Task ContextOfASubOrchestration_KnowsItsNameInputAndParent()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<Shot, string>("Film", (ctx, shot) => ctx.CallSubOrchestratorAsync<string>(
                "Shot", shot, new SubOrchestrationOptions { InstanceId = "film-1.shot.a" }))
            .AddOrchestratorFunc<Shot, string>("Shot", (ctx, shot) => Task.FromResult(
                $"{ctx.Name.Name} {ctx.InstanceId} of {ctx.Parent?.Name.Name} {ctx.Parent?.InstanceId}: {ctx.GetInput<Shot>()} is {shot.Seconds} s"));
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Film", "film-1", new Shot("a", 5));

        (await CompletionAsync(engine, "film-1")).ReadOutputAs<string>().Should().Be("Shot film-1.shot.a of Film film-1: Shot { Id = a, Seconds = 5 } is 5 s");
    }

    [Theory]
    [InlineData("Entities")]
    [InlineData("SendEvent")]
    [InlineData("ContinueAsNew")]
    public async Task UnsupportedMember_ThrowsNotSupportedExceptionNamingIt(string member)
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<string, string>("Uses", (ctx, used) =>
        {
            try
            {
                switch (used)
                {
                    case "Entities":
                        _ = ctx.Entities;
                        break;
                    case "SendEvent":
                        ctx.SendEvent("film-2", "StoryboardApproved", "yes");
                        break;
                    default:
                        ctx.ContinueAsNew("again");
                        break;
                }

                return Task.FromResult("used");
            }
            catch (NotSupportedException unsupported)
            {
                return Task.FromResult(unsupported.Message);
            }
        });
        var engine = await OpenAsync(registry);

        await engine.StartAsync("Uses", "uses-" + member.ToLowerInvariant(), member);

        (await CompletionAsync(engine, "uses-" + member.ToLowerInvariant())).ReadOutputAs<string>().Should().StartWith(member + ": the local engine");
    }
}
