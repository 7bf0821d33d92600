using CloudReel.Assembler;
using CloudReel.Azure.Queue;
using CloudReel.Azure.Store;
using CloudReel.Azure.Tests.Support;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Tests;

/// <summary>
/// The assembler container's console (`cloudreel-assembler --queue`), against a real Azurite queue and Blob store,
/// on films the CLI rendered into that store.
/// </summary>
public sealed class AssembleFromQueueTests : IAsyncLifetime, IDisposable
{
    private const string QueueName = "assembly-jobs";
    private readonly Workspace _workspace = new();
    private Azurite? _azurite;
    private BlobClipStore? _store;
    private AssemblyJobQueue? _queue;

    private Azurite Server => _azurite!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _store = new BlobClipStore(Server.Account.Blobs, Path.Combine(_workspace.Root, "cache"));
        await _store.EnsureContainersAsync();
        _queue = new AssemblyJobQueue(Server.Account.Queues, _store, QueueName);
        await _queue.EnsureQueuesAsync();
    }

    [Fact]
    public async Task AssembleQueue_AJobWaiting_AssemblesItIntoTheStoreAndDeletesTheMessage()
    {
        var rendered = await RenderedJobAsync();
        var queued = rendered with { FilmId = "queued-film", Timeline = rendered.Timeline with { FilmId = "queued-film" } };
        await _queue!.SendAsync(queued, DateTime.UtcNow);

        var result = await AssembleAsync("--queue", QueueName, "--store", Server.ConnectionString);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("film: queued-film").And.Contain("Assembled queued-film");
        var outputs = await _store!.ListAsync("films/queued-film/");
        outputs.Should().Contain(["films/queued-film/tiny-shanghai.16x9.mp4", "films/queued-film/assembly-result.json"]);
        (await _queue.ReceiveAsync(TimeSpan.FromSeconds(1))).Should().BeNull("the message is deleted once the film is assembled");
    }

    [Fact]
    public async Task AssembleQueue_AnEditedJobInAFreshContainer_ReadsTheKeptChunksFromBlobStorageAndEncodesOnlyTheChangedOne()
    {
        var rendered = await RenderedJobAsync();
        var captions = rendered.Timeline.Captions.Select(t => t.Language == "zh-CN"
            ? t with { Cues = [t.Cues[0] with { Text = "黄昏时分的外滩" }, .. t.Cues.Skip(1)] }
            : t).ToList();
        var edited = new AssemblyJob("edited-film", rendered.Timeline with { FilmId = "edited-film", Captions = captions });
        await _queue!.SendAsync(edited, DateTime.UtcNow);
        var result = await AssembleAsync("--queue", QueueName, "--store", Server.ConnectionString);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("tiny-shanghai.16x9.mp4: 2 of 4 chunks encoded, 2 reused", "the bund's chunk and the crossfade out of it show the edited caption")
            .And.Contain("sound: reused");
        (await _store!.ListAsync("clips/renders/chunk/")).Should().HaveCount(6 * 2, "four chunks of the first film and the edited two, each with its record");
        var assembled = WorkflowJson.Deserialize<AssemblyResult>(await _store.ReadTextAsync("films/edited-film/assembly-result.json"))!;
        assembled.Renditions.Single(r => r.File == "tiny-shanghai.16x9.mp4").Reused.Should().Be(2);
    }

    [Fact]
    public async Task AssembleQueue_AJobWhoseClipIsMissing_FailsAndLeavesTheMessageWithTheReasonRecorded()
    {
        var rendered = await RenderedJobAsync();
        var missing = rendered.Timeline.Clips[0] with { ClipName = StoreLayout.Clip(new string('f', 64)) };
        var broken = new AssemblyJob("broken-film", rendered.Timeline with { FilmId = "broken-film", Clips = [missing, .. rendered.Timeline.Clips.Skip(1)] });
        await _queue!.SendAsync(broken, DateTime.UtcNow);

        var result = await AssembleAsync("--queue", QueueName, "--store", Server.ConnectionString);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("Assembly of broken-film failed").And.Contain("another try");
        (await _store!.ReadTextAsync("films/broken-film/assembly-failure.json")).Should().Contain("\"try\":1");
        (await _store!.ExistsAsync("films/broken-film/assembly-result.json")).Should().BeFalse();
    }

    [Fact]
    public async Task AssembleQueue_NothingWaiting_EndsCleanlySayingSo()
    {
        var result = await AssembleAsync("--queue", QueueName, "--store", Server.ConnectionString);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain($"No assembly job is waiting on queue {QueueName}");
    }

    [Theory]
    [InlineData(new[] { "--queue", QueueName }, "--store is required")]
    [InlineData(new[] { "--store", "UseDevelopmentStorage=true" }, "--queue is required")]
    [InlineData(new[] { "--job", "a-film" }, "unexpected argument '--job'")]
    public async Task Assembler_MissingOrUnknownArguments_BadInputSaysWhy(string[] args, string message)
    {
        var result = await AssembleAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain(message).And.Contain("usage: cloudreel-assembler");
    }

    [Fact]
    public async Task Assemble_WithoutJob_TheCliSaysJobIsRequired()
    {
        var result = await _workspace.Cli.RunAsync("assemble");

        result.ExitCode.Should().NotBe(0, result.ToString());
        (result.Stderr + result.Stdout).Should().Contain("--job");
    }

    /// <summary>Runs the assembler console in this process, as the container does, and captures what it prints.</summary>
    private static async Task<CliResult> AssembleAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await AssemblerRun.RunAsync(args, stdout, stderr, CancellationToken.None);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A film rendered into the Blob store (clips, job and all), whose kept job the tests queue again.</summary>
    private async Task<AssemblyJob> RenderedJobAsync()
    {
        _workspace.CopyFromRepository("samples/shanghai-clay/refs/bund.jpg", "refs/bund.jpg");
        var order = _workspace.Write("order.yaml", TestOrders.ThreeShots);
        var render = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out, "--store", Server.ConnectionString);
        render.ExitCode.Should().Be(0, render.ToString());
        var job = await _store!.ReadTextAsync(StoreLayout.FilmOutput(render.FilmId, AssemblyJobRunner.JobFileName));
        return WorkflowJson.Deserialize<AssemblyJob>(job)!;
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    public void Dispose() => _workspace.Dispose();
}
