using System.Text.Json.Nodes;
using CloudReel.Core.Models;
using CloudReel.Models.AzureOpenAI;
using CloudReel.Models.Configuration;
using CloudReel.Models.Tests.Support;
using CloudReel.Testing.Fakes;

namespace CloudReel.Models.Tests.Adapters;

/// <summary>Sora 1 preview jobs against a fake of Azure's video generation jobs API.</summary>
public sealed class Sora1Tests : IAsyncLifetime, IDisposable
{
    private readonly FakeAzureOpenAI _fake = new();
    private readonly AdapterKit _kit = new();
    private Sora1VideoModel _model = null!;

    public async Task InitializeAsync()
    {
        await _fake.StartAsync();
        var resource = new AzureOpenAIOptions { Endpoint = _fake.Endpoint, ApiKey = "azure-key" };
        _model = new Sora1VideoModel(resource, _kit.Http("sora-1", _fake.Endpoint, new AzureCredential(resource).HeaderAsync, new AzureErrors()), _kit.Images);
    }

    [Fact]
    public async Task SubmitAsync_Job_RunsThroughEveryStatusAndDownloadsItsGeneration()
    {
        _fake.RunningPolls = 3;
        var submitted = await _model.SubmitAsync(AdapterKit.Request(6, 854, 480), AdapterKit.Key(1));
        var states = new List<JobState> { submitted.State };
        var status = submitted;
        while (!status.IsTerminal)
        {
            status = await _model.GetStatusAsync(status.JobId!);
            states.Add(status.State);
        }

        var post = _fake.Requests.First(r => r.Method == "POST");
        post.Path.Should().Contain("api-version=preview");
        var sent = JsonNode.Parse(post.Body)!;
        sent["n_seconds"]!.GetValue<int>().Should().Be(6);
        sent["width"]!.GetValue<int>().Should().Be(854);
        states.Should().Equal(JobState.Queued, JobState.Queued, JobState.Running, JobState.Running, JobState.Succeeded);
        (await AdapterKit.DownloadAsync(_model, status)).Should().Equal(FakeClips.Of(6));
    }

    [Fact]
    public async Task SubmitAsync_ReferenceImage_SendsAFilePartWithMatchingInpaintItems()
    {
        var status = await _model.SubmitAsync(AdapterKit.Request(5, 1280, 720, await _kit.ImageAsync()), AdapterKit.Key(2));

        status.State.Should().Be(JobState.Queued, status.Failure?.Message);
        _fake.Requests.First(r => r.Method == "POST").ContentType.Should().StartWith("multipart/form-data");
        _fake.Jobs.Values.Single().Request["files"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_LongFullHdClip_IsRefusedBeforeAnythingIsSent()
    {
        var status = await _model.SubmitAsync(AdapterKit.Request(15, 1920, 1080), AdapterKit.Key(3));

        status.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Invalid, Message = "Sora 1 makes 1080p clips of at most 10 s" });
        _fake.SubmitRequests.Should().Be(0);
    }

    [Fact]
    public async Task SubmitAsync_AnswerLost_FindsTheJobInTheListByPromptAndSize()
    {
        _fake.Faults.Add(Operation.Submit, Fault.Hang(15));

        var status = await _model.SubmitAsync(AdapterKit.Request(5, 1280, 720), AdapterKit.Key(4));

        status.JobId.Should().Be(_fake.Jobs.Keys.Single());
        _fake.SubmitRequests.Should().Be(1);
    }

    [Fact]
    public async Task GetStatusAsync_OutputModeration_FailsAsModerationWithTheFailureReason()
    {
        _fake.Outcome = JobOutcome.OutputModeration;

        var done = await AdapterKit.UntilDoneAsync(_model, await _model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(5)));

        done.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Moderation, ProviderCode = "output_moderation" });
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _kit.Dispose();
}
