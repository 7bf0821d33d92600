using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

public sealed class InstanceApiTests : EngineTestBase
{
    private static DurableTaskRegistry Echo() => new DurableTaskRegistry()
        .AddOrchestratorFunc<string, string>("Echo", (_, s) => Task.FromResult(s));

    [Fact]
    public async Task StartAsync_IdAlreadyUsed_ThrowsAndLeavesTheFirstInstanceAlone()
    {
        var engine = await OpenAsync(Echo());
        await engine.StartAsync("Echo", "film-1", "first");
        await CompletionAsync(engine, "film-1");

        var again = () => engine.StartAsync("Echo", "film-1", "second");

        await again.Should().ThrowAsync<InvalidOperationException>().WithMessage("*film-1*already exists*");
        (await engine.GetInstanceAsync("film-1"))!.ReadOutputAs<string>().Should().Be("first");
    }

    [Fact]
    public async Task StartAsync_UnregisteredOrchestration_ThrowsBeforeRecordingAnything()
    {
        var engine = await OpenAsync(Echo());

        await engine.Invoking(e => e.StartAsync("Missing", "film-2", null)).Should().ThrowAsync<ArgumentException>().WithMessage("*Missing*");
        (await engine.GetInstanceAsync("film-2")).Should().BeNull();
    }

    [Fact]
    public async Task ListInstancesAsync_WithAPrefix_ReturnsOnlyMatchingInstancesInCreationOrder()
    {
        var engine = await OpenAsync(Echo());
        foreach (var id in new[] { "film-a", "batch-1", "film-b" })
        {
            await engine.StartAsync("Echo", id, id);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var films = await engine.ListInstancesAsync("film-");

        films.Select(i => i.InstanceId).Should().Equal("film-a", "film-b");
        (await engine.ListInstancesAsync()).Should().HaveCount(3);
    }

    [Fact]
    public async Task ResumeAsync_UnknownOrFinishedInstance_ThrowsOrDoesNothing()
    {
        var engine = await OpenAsync(Echo());
        await engine.StartAsync("Echo", "film-3", "done");
        var finished = await CompletionAsync(engine, "film-3");

        await engine.Invoking(e => e.ResumeAsync("nope")).Should().ThrowAsync<InvalidOperationException>().WithMessage("*No film with id 'nope'*");
        await engine.ResumeAsync("film-3");
        (await engine.GetInstanceAsync("film-3")).Should().Be(finished);
    }

    [Fact]
    public async Task OpenAsync_NewJournal_RunsNothingAndRecordsNothing()
    {
        var engine = await OpenAsync(Echo());

        (await engine.ListInstancesAsync()).Should().BeEmpty();
        File.Exists(JournalPath).Should().BeTrue();
    }
}
