using System.Runtime.CompilerServices;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Durable.Tests;

public class DurableFilmRuntimeTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task StartFilmAsync_NewFilm_SchedulesTheFilmOrchestrationUnderTheFilmId()
    {
        var client = new FakeDurableClient();
        var request = new FilmRequest("promo-1", "orders/promo-1/order.yaml", new QueuedAssembly(TimeSpan.FromMinutes(30)));

        var started = await new DurableFilmRuntime(client).StartFilmAsync(request);

        started.Should().BeTrue();
        client.Scheduled.Should().ContainSingle().Which.Should().Be((OrchestrationNames.Film, "promo-1", (object?)request));
    }

    [Fact]
    public async Task StartFilmAsync_FilmExists_StartsNothing()
    {
        var client = new FakeDurableClient();
        client.Instances["promo-1"] = Instance("promo-1", "Completed");

        var started = await new DurableFilmRuntime(client).StartFilmAsync(new FilmRequest("promo-1", "orders/promo-1/order.yaml"));

        started.Should().BeFalse();
        client.Scheduled.Should().BeEmpty("a redelivered event or a retried request must not replace a film");
    }

    [Fact]
    public async Task StartFilmAsync_AnotherStartWonTheRace_ReturnsFalse()
    {
        var client = new FakeDurableClient { ScheduleThrowsExists = true };

        var started = await new DurableFilmRuntime(client).StartFilmAsync(new FilmRequest("promo-1", "orders/promo-1/order.yaml"));

        started.Should().BeFalse();
    }

    [Fact]
    public async Task GetInstanceAsync_RunningFilm_ReadsStatusAndPayloadsAsTheWorkflowWroteThem()
    {
        var client = new FakeDurableClient();
        client.Instances["promo-1"] = Instance("promo-1", "Running") with
        {
            SerializedCustomStatus = WorkflowJson.Serialize(new FilmProgress(FilmStages.Generate, 1, 3, 0, null, 2.5m, "USD")),
        };

        var film = await new DurableFilmRuntime(client).GetInstanceAsync("promo-1");

        film!.Status.Should().Be(WorkflowStatus.Running);
        film.CreatedUtc.Should().Be(Created.UtcDateTime);
        film.ReadCustomStatusAs<FilmProgress>().Should().Be(new FilmProgress(FilmStages.Generate, 1, 3, 0, null, 2.5m, "USD"));
        (await new DurableFilmRuntime(client).GetInstanceAsync("other")).Should().BeNull();
    }

    [Fact]
    public async Task ListInstancesAsync_BackendMatchesLoosely_KeepsOnlyTheOrdinalPrefix()
    {
        var client = new FakeDurableClient();
        foreach (var id in new[] { "promo-1.shot.a", "promo-1.shot.b", "PROMO-1.shot.c", "promo-10.shot.a" }) client.Instances[id] = Instance(id, "Running");

        var shots = await new DurableFilmRuntime(client).ListInstancesAsync("promo-1.shot.");

        shots.Select(s => s.InstanceId).Should().BeEquivalentTo("promo-1.shot.a", "promo-1.shot.b");
    }

    [Theory]
    [InlineData("Pending", WorkflowStatus.Pending)]
    [InlineData("Running", WorkflowStatus.Running)]
    [InlineData("ContinuedAsNew", WorkflowStatus.Running)]
    [InlineData("Completed", WorkflowStatus.Completed)]
    [InlineData("Failed", WorkflowStatus.Failed)]
    [InlineData("Terminated", WorkflowStatus.Terminated)]
    [InlineData("Canceled", WorkflowStatus.Terminated)]
    [InlineData("Suspended", WorkflowStatus.Suspended)]
    public void StatusOf_EveryDurableStatus_MapsToTheWorkflowStatus(string durable, WorkflowStatus expected) =>
        DurableFilmRuntime.StatusOf(durable).Should().Be(expected);

    [Fact]
    public void StatusOf_UnknownName_Throws() =>
        FluentActions.Invoking(() => DurableFilmRuntime.StatusOf("Exploded")).Should().Throw<ArgumentException>().WithMessage("*Exploded*");

    [Fact]
    public async Task TerminateAsync_And_RaiseEventAsync_ForwardToTheClient()
    {
        var client = new FakeDurableClient();
        var runtime = new DurableFilmRuntime(client);

        await runtime.RaiseEventAsync("promo-1", FilmEvents.AssemblyCompleted, new AssemblyCompletion(true));
        await runtime.TerminateAsync("promo-1", "cancelled through the API");

        client.Raised.Should().Equal(("promo-1", FilmEvents.AssemblyCompleted, (object?)new AssemblyCompletion(true)));
        client.Terminated.Should().Equal(("promo-1", "cancelled through the API"));
    }

    private static DurableInstance Instance(string id, string status) => new(id, OrchestrationNames.Film, status, Created, Created, null, null, null, null);

    private sealed class FakeDurableClient : IDurableClient
    {
        public Dictionary<string, DurableInstance> Instances { get; } = [];

        public List<(string Name, string InstanceId, object? Input)> Scheduled { get; } = [];

        public List<(string InstanceId, string EventName, object? Payload)> Raised { get; } = [];

        public List<(string InstanceId, string Reason)> Terminated { get; } = [];

        public bool ScheduleThrowsExists { get; init; }

        public Task ScheduleNewOrchestrationAsync(string orchestratorName, string instanceId, object? input, CancellationToken cancellationToken)
        {
            if (ScheduleThrowsExists) throw new DurableInstanceExistsException(instanceId);
            Scheduled.Add((orchestratorName, instanceId, input));
            return Task.CompletedTask;
        }

        public Task<DurableInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
            Task.FromResult(Instances.GetValueOrDefault(instanceId));

        public async IAsyncEnumerable<DurableInstance> QueryInstancesAsync(string instanceIdPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var instance in Instances.Values.Where(i => i.InstanceId.StartsWith(instanceIdPrefix, StringComparison.OrdinalIgnoreCase))) yield return instance;
        }

        public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken)
        {
            Raised.Add((instanceId, eventName, payload));
            return Task.CompletedTask;
        }

        public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken)
        {
            Terminated.Add((instanceId, reason));
            return Task.CompletedTask;
        }
    }
}
