using CloudReel.Local.Engine.Journal;
using CloudReel.Local.Tests.Engine.Support;
using Microsoft.DurableTask;

namespace CloudReel.Local.Tests.Engine;

public sealed class LeaseTests : EngineTestBase
{
    private static DurableTaskRegistry Gate() => new DurableTaskRegistry()
        .AddOrchestratorFunc<string, string>("Gate", (ctx, _) => ctx.WaitForExternalEvent<string>("Approve"));

    [Fact]
    public async Task ResumeAsync_AnotherLiveEngineHoldsTheLease_RefusesNamingTheProcess()
    {
        var owner = await OpenAsync(Gate());
        await owner.StartAsync("Gate", "leased-1", null);
        await EventuallyAsync(() => HistoryHasAsync(owner, "leased-1", "OrchestratorCompleted"), "the owner runs it");
        var intruder = await OpenAsync(Gate());

        var resume = () => intruder.ResumeAsync("leased-1");

        (await resume.Should().ThrowAsync<InvalidOperationException>())
            .Which.Message.Should().Contain($"Film 'leased-1' is being rendered by process {Environment.ProcessId}").And.Contain(" since ");
    }

    [Fact]
    public async Task ResumeAsync_HolderStoppedHeartbeating_TakesTheStaleLeaseOverOnlyAfterLeaseTimeout()
    {
        // Writes: 1 = instance row, 2 = the first episode (its events and actions); then the owner "dies".
        var faults = new JournalFaultInjection(crashAfterWrite: 2);
        var crashed = await OpenAsync(Gate(), faults);
        await crashed.StartAsync("Gate", "leased-2", null);
        await faults.Crashed;
        var successor = await OpenAsync(Gate());

        await successor.Invoking(e => e.ResumeAsync("leased-2")).Should().ThrowAsync<InvalidOperationException>().WithMessage("*being rendered*");
        Clock.Advance(TimeSpan.FromSeconds(16));
        await successor.ResumeAsync("leased-2");
        await successor.RaiseEventAsync("leased-2", "Approve", "taken over");

        (await CompletionAsync(successor, "leased-2")).ReadOutputAs<string>().Should().Be("taken over");
        (await successor.GetHistoryAsync("leased-2")).Count(e => e.Kind == "ExecutionStarted").Should().Be(1);
    }
}
