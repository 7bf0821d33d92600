using CloudReel.Core.Batches;
using CloudReel.Core.Intake;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;
using CloudReel.Core.Tests.Workflow;
using CloudReel.Core.Workflow;
using static CloudReel.Core.Tests.Batches.BatchTestKit;

namespace CloudReel.Core.Tests.Batches;

/// <summary>The batch intake checks each row once: rows the expander checked are not checked again.</summary>
public sealed class BatchIntakeTests
{
    private const string Template = """
        title: "{{ city }}"
        model: animatic
        variables:
          city: string
          picture: image
        shots:
          - {id: streets, prompt: "The streets of {{ city }}", seconds: 2, image: "{{ picture }}"}
        """;

    [Fact]
    public async Task SubmitAsync_RowsTheExpanderChecked_AreAdmittedWithoutReadingTheirFilesAgain()
    {
        var probe = new CountingProbe();
        var files = new MemoryOrderSource().With("pictures/oslo.jpg", "pictures/bergen.jpg");
        var data = Lines("name,city,picture", "oslo,Oslo,pictures/oslo.jpg", "bergen,Bergen,pictures/bergen.jpg", "oslo-again,Oslo,pictures/oslo.jpg");
        var expansion = await new TemplateBatchExpander(Catalog, probe).ExpandAsync(
            OrderDocument.FromFile(Template, "guide.yaml"), new BatchData(data, "rows.csv"), files, CancellationToken.None);
        expansion.Errors.Should().BeEmpty();
        var probedByTheExpander = probe.Calls;
        var store = new MemoryClipStore();
        var intake = new BatchIntake(
            new FilmIntake(store, Catalog, new NoFetcher(), new FilmIntakeOptions(), probe),
            new BatchEstimator(new PlanPreview(Catalog, new FilmPlanner(new RuleBasedShotPlanner()), store)));
        var runtime = new StartingRuntime();

        var admission = await intake.SubmitAsync(runtime, new BatchSubmission("guide-1", "guide", "tests", expansion.Rows, 2), CancellationToken.None);

        admission.Accepted.Should().BeTrue(admission.Reason);
        runtime.Batch!.Films.Select(f => f.Key).Should().Equal("oslo", "bergen", "oslo-again");
        probedByTheExpander.Should().Be(2, "the expander reads each picture once per batch");
        probe.Calls.Should().Be(probedByTheExpander, "the intake does not check the rows the expander checked");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public async Task SubmitAsync_EventDestinationsOfTheHost_DecideWhetherTheBatchAndItsFilmsSendEvents(int destinations, bool sends)
    {
        var files = new MemoryOrderSource().With("pictures/oslo.jpg");
        var expansion = await new TemplateBatchExpander(Catalog, new CountingProbe()).ExpandAsync(
            OrderDocument.FromFile(Template, "guide.yaml"), new BatchData(Lines("name,city,picture", "oslo,Oslo,pictures/oslo.jpg"), "rows.csv"), files, CancellationToken.None);
        var store = new MemoryClipStore();
        var publishers = Enumerable.Range(0, destinations).Select(_ => new SilentPublisher()).ToList();
        var intake = new BatchIntake(
            new FilmIntake(store, Catalog, new NoFetcher(), new FilmIntakeOptions(), eventPublishers: publishers),
            new BatchEstimator(new PlanPreview(Catalog, new FilmPlanner(new RuleBasedShotPlanner()), store)));
        var runtime = new StartingRuntime();

        (await intake.SubmitAsync(runtime, new BatchSubmission("guide-2", "guide", "tests", expansion.Rows, 2), CancellationToken.None)).Accepted.Should().BeTrue();

        runtime.Batch!.SendsEvents.Should().Be(sends);
        runtime.Batch.Films.Should().OnlyContain(f => f.Film.SendsEvents == sends);
    }

    private sealed class SilentPublisher : IFilmEventPublisher
    {
        public string Name => "silent";

        public Task PublishAsync(CloudReel.Core.Events.FilmEvent filmEvent, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class CountingProbe : IMediaFileProbe
    {
        public int Calls { get; private set; }

        public Task<string?> ProblemWithAsync(Stream content, MediaFileKind kind, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult<string?>(null);
        }

        public Task<double?> VideoSecondsAsync(Stream content, CancellationToken cancellationToken = default) => Task.FromResult<double?>(null);
    }

    private sealed class NoFetcher : IReferenceImageFetcher
    {
        public Task<FetchedImageInfo> FetchAsync(Uri url, Stream destination, CancellationToken cancellationToken = default) =>
            throw new ImageFetchException($"{url}: this test fetches no images.");
    }

    /// <summary>Takes the batch it is asked to start and nothing else.</summary>
    private sealed class StartingRuntime : IFilmRuntime
    {
        public BatchRequest? Batch { get; private set; }

        public Task<bool> StartBatchAsync(BatchRequest request, CancellationToken cancellationToken = default)
        {
            Batch = request;
            return Task.FromResult(true);
        }

        public Task<bool> StartFilmAsync(FilmRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<WorkflowInstance>> ListInstancesAsync(string instanceIdPrefix, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
