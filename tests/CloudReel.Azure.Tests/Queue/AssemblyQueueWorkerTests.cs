using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CloudReel.Azure.Queue;
using CloudReel.Azure.Store;
using CloudReel.Azure.Tests.Coordination;
using CloudReel.Azure.Tests.Support;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Core.Workflow;

namespace CloudReel.Azure.Tests.Queue;

/// <summary>The assembler container's queue mode against Azurite: one job per run, hidden while it runs, deleted only on success.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AssemblyQueueWorkerTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("worker-cache-").FullName;
    private readonly QueueServiceClient _queues;
    private readonly BlobClipStore _store;
    private readonly AssemblyJobQueue _jobs;
    private readonly AssemblyQueueWorker _worker;

    public AssemblyQueueWorkerTests(AzuriteFixture azurite)
    {
        _queues = azurite.Server.Account.Queues;
        _store = new BlobClipStore(azurite.Server.Account.Blobs, _cache, new BlobClipStoreOptions { Containers = Containers.Unique() });
        _jobs = new AssemblyJobQueue(_queues, _store, $"assembly-{Guid.NewGuid():N}"[..24], maxDequeueCount: 2);
        _worker = new AssemblyQueueWorker(_jobs, _store, TimeProvider.System);
    }

    [Fact]
    public async Task RunOnceAsync_JobSucceeds_RunsItAndDeletesItsMessage()
    {
        await SendAsync("film-ok");
        AssemblyJob? ran = null;

        var outcome = await _worker.RunOnceAsync((job, _) => { ran = job; return Task.CompletedTask; }, TimeSpan.FromSeconds(30));

        outcome.Should().Be(new AssemblyQueueOutcome(AssemblyQueueResult.Assembled, "film-ok", null));
        ran!.Timeline.Clips.Should().HaveCount(1);
        (await ReceiveAllAsync(_jobs.QueueName, TimeSpan.FromSeconds(1))).Should().BeEmpty();
        (await _worker.RunOnceAsync((_, _) => Task.CompletedTask, TimeSpan.FromSeconds(30))).Result.Should().Be(AssemblyQueueResult.Empty);
    }

    [Fact]
    public async Task RunOnceAsync_JobFails_KeepsTheMessageForAnotherTryAndRecordsWhy()
    {
        await SendAsync("film-retry");

        var outcome = await _worker.RunOnceAsync((_, _) => throw new InvalidDataException("clip clips/aaa.mp4 is missing"), TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var again = await _jobs.ReceiveAsync(TimeSpan.FromSeconds(30));

        outcome.Result.Should().Be(AssemblyQueueResult.Failed);
        again.Should().NotBeNull("the message came back for another try");
        again!.Queued.DequeueCount.Should().Be(2);
        (await _store.ReadTextAsync("films/film-retry/assembly-failure.json")).Should().Contain("clip clips/aaa.mp4 is missing").And.Contain("\"try\":1");
    }

    [Fact]
    public async Task RunOnceAsync_LastAllowedTryFails_PoisonsTheMessageAtOnce()
    {
        await SendAsync("film-poison");
        await _worker.RunOnceAsync((_, _) => throw new InvalidOperationException("ffmpeg exited with 1"), TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var last = await _worker.RunOnceAsync((_, _) => throw new InvalidOperationException("ffmpeg exited with 1"), TimeSpan.FromSeconds(30));
        var poisoned = await ReceiveAllAsync(_jobs.PoisonQueueName, TimeSpan.FromSeconds(30));

        last.Should().Be(new AssemblyQueueOutcome(AssemblyQueueResult.Poisoned, "film-poison", "ffmpeg exited with 1"));
        poisoned.Should().ContainSingle().Which.Body.ToString().Should().Contain("\"filmId\":\"film-poison\"");
        (await ReceiveAllAsync(_jobs.QueueName, TimeSpan.FromSeconds(1))).Should().BeEmpty();
    }

    [Fact]
    public async Task RunOnceAsync_JobOutlastsTheVisibilityTimeout_StaysHiddenFromOtherWorkers()
    {
        await SendAsync("film-long");
        var seenByOthers = false;

        var outcome = await _worker.RunOnceAsync(
            async (_, token) =>
            {
                for (var i = 0; i < 4; i++)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), token);
                    seenByOthers |= (await ReceiveAllAsync(_jobs.QueueName, TimeSpan.FromSeconds(30), token)).Length > 0;
                }
            },
            TimeSpan.FromSeconds(2));

        outcome.Result.Should().Be(AssemblyQueueResult.Assembled);
        seenByOthers.Should().BeFalse("the worker kept extending the message's invisibility through a 4 s job with a 2 s timeout");
    }

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private async Task<QueueMessage[]> ReceiveAllAsync(string queue, TimeSpan visibility, CancellationToken cancellationToken = default) =>
        (await _queues.GetQueueClient(queue).ReceiveMessagesAsync(32, visibility, cancellationToken)).Value;

    private async Task SendAsync(string filmId)
    {
        await _jobs.EnsureQueuesAsync();
        await _jobs.SendAsync(new AssemblyJob(filmId, new FilmTimeline
        {
            FilmId = filmId,
            Title = "Film",
            OutputName = "film",
            Fps = 30,
            Aspect = AspectRatio.Landscape,
            Size = new FrameSize(320, 180),
            Clips = [new TimelineClip("a", StoreLayout.Clip(new string('a', 64)), 0, 60, null, false)],
        }), new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc));
    }
}
