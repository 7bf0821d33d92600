using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CloudReel.Azure.Queue;
using CloudReel.Azure.Store;
using CloudReel.Azure.Tests.Support;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Core.Workflow;

namespace CloudReel.Azure.Tests.Queue;

[Collection(AzuriteCollection.Name)]
public sealed class AssemblyJobQueueTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("queue-cache-").FullName;
    private readonly Azurite _azurite;
    private readonly QueueServiceClient _queues;
    private readonly BlobClipStore _store;
    private readonly AssemblyJobQueue _jobs;

    public AssemblyJobQueueTests(AzuriteFixture azurite)
    {
        _azurite = azurite.Server;
        _queues = azurite.Server.Account.Queues;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        _store = new BlobClipStore(azurite.Server.Account.Blobs, _cache, new BlobClipStoreOptions { Containers = new BlobContainers($"clips-{suffix}", $"films-{suffix}", $"orders-{suffix}") });
        _jobs = new AssemblyJobQueue(_queues, _store, $"assembly-{suffix}", maxDequeueCount: 2);
    }

    [Fact]
    public async Task Send_WritesTheJobToTheStoreAndQueuesOnlyItsName()
    {
        await _jobs.EnsureQueuesAsync();
        var job = Job("film-1");

        var sent = await _jobs.SendAsync(job, new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc));
        var delivery = await _jobs.ReceiveAsync(TimeSpan.FromMinutes(1));
        var read = await _jobs.ReadJobAsync(delivery!);

        sent.JobName.Should().Be("films/film-1/assembly-job.json");
        delivery!.Message.Should().Be(sent);
        delivery.Queued.Text.Should().NotContain("clips/", "the timeline stays in the store, only its name is queued");
        read.Timeline.Clips.Select(c => c.ClipName).Should().Equal(job.Timeline.Clips.Select(c => c.ClipName));
        (await _jobs.CompleteAsync(delivery)).Should().BeTrue();
    }

    [Fact]
    public async Task Receive_AMessageThatFailedTooOften_MovesItToThePoisonQueue()
    {
        await _jobs.EnsureQueuesAsync();
        await _jobs.SendAsync(Job("film-2"), DateTime.UtcNow);

        for (var attempt = 1; attempt <= _jobs.MaxDequeueCount; attempt++)
        {
            (await _jobs.ReceiveAsync(TimeSpan.FromSeconds(1))).Should().NotBeNull($"attempt {attempt} is allowed");
            await Task.Delay(TimeSpan.FromSeconds(1.2));
        }

        var afterLimit = await _jobs.ReceiveAsync(TimeSpan.FromSeconds(30));
        var poisoned = await ReceiveAllAsync(_jobs.PoisonQueueName);

        afterLimit.Should().BeNull();
        poisoned.Should().ContainSingle().Which.Body.ToString().Should().Contain("film-2");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"filmId\":\"film-3\",\"jobName\":\"films/other-film/assembly-job.json\",\"enqueuedUtc\":\"2026-11-21T08:00:00Z\"}")]
    [InlineData("{\"filmId\":\"../x\",\"jobName\":\"films/../x/assembly-job.json\",\"enqueuedUtc\":\"2026-11-21T08:00:00Z\"}")]
    public async Task Receive_AMalformedMessage_IsPoisonedNotHandedOut(string text)
    {
        await _jobs.EnsureQueuesAsync();
        await _queues.GetQueueClient(_jobs.QueueName).SendMessageAsync(text);

        var delivery = await _jobs.ReceiveAsync(TimeSpan.FromSeconds(30));
        var poisoned = await ReceiveAllAsync(_jobs.PoisonQueueName);

        delivery.Should().BeNull();
        poisoned.Should().ContainSingle().Which.Body.ToString().Should().Be(text);
    }

    [Fact]
    public async Task Receive_AMessageThatIsNotBase64_IsPoisonedAsItWasAndDoesNotBlockTheQueue()
    {
        await _jobs.EnsureQueuesAsync();
        var plain = new QueueClient(_azurite.ConnectionString, _jobs.QueueName, new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05));
        await plain.SendMessageAsync("{plain text from another tool!}");
        await _jobs.SendAsync(Job("film-4"), DateTime.UtcNow);

        var first = await _jobs.ReceiveAsync(TimeSpan.FromSeconds(30));
        var again = await _jobs.ReceiveAsync(TimeSpan.FromSeconds(30));
        var poisoned = await ReceiveAllAsync(_jobs.PoisonQueueName);

        new[] { first, again }.Where(d => d is not null).Should().ContainSingle().Which!.Message.FilmId.Should().Be("film-4");
        poisoned.Should().ContainSingle().Which.Body.ToString().Should().Be("{plain text from another tool!}");
    }

    [Fact]
    public async Task Complete_AfterTheMessageCameBackAndWasTakenAgain_SaysSoAndLeavesIt()
    {
        await _jobs.EnsureQueuesAsync();
        await _jobs.SendAsync(Job("film-5"), DateTime.UtcNow);
        var stale = await _jobs.ReceiveAsync(TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var current = await _jobs.ReceiveAsync(TimeSpan.FromSeconds(30));

        (await _jobs.CompleteAsync(stale!)).Should().BeFalse();
        (await _jobs.CompleteAsync(current!)).Should().BeTrue();
    }

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private async Task<QueueMessage[]> ReceiveAllAsync(string queue) =>
        (await _queues.GetQueueClient(queue).ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;

    private static AssemblyJob Job(string filmId) => new(filmId, new FilmTimeline
    {
        FilmId = filmId,
        Title = "Shanghai",
        OutputName = "shanghai",
        Fps = 30,
        Aspect = AspectRatio.Landscape,
        Size = new FrameSize(320, 180),
        Clips =
        [
            new TimelineClip("bund", StoreLayout.Clip(new string('a', 64)), 0, 150, new TimelineTransition(TransitionKind.Crossfade, 15), false),
            new TimelineClip("tower", StoreLayout.Clip(new string('b', 64)), 0, 150, null, false),
        ],
    });
}
