using System.Text.Json.Nodes;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Models.ComfyUI;
using CloudReel.Models.Configuration;
using CloudReel.Models.Tests.Support;
using CloudReel.Testing.Fakes;

namespace CloudReel.Models.Tests.Adapters;

/// <summary>The ComfyUI adapter with a workflow template, against a fake ComfyUI server.</summary>
public sealed class ComfyUITests : IAsyncLifetime, IDisposable
{
    public const string Graph = """
        {
          "3": {"class_type": "KSampler", "inputs": {"seed": "{{seed}}", "steps": 20, "model": ["4", 0]}},
          "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "cinematic, {{prompt}}", "clip": ["4", 1]}},
          "7": {"class_type": "EmptyHunyuanLatentVideo", "inputs": {"width": "{{width}}", "height": "{{height}}", "length": "{{frames}}", "seconds": "{{seconds}}"}},
          "9": {"class_type": "SaveVideo", "inputs": {"filename_prefix": "cloudreel", "images": ["8", 0]}}
        }
        """;

    private const string ImageGraph = """
        {
          "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}"}},
          "10": {"class_type": "LoadImage", "inputs": {"image": "{{image}}"}},
          "7": {"class_type": "WanImageToVideo", "inputs": {"seconds": "{{seconds}}", "width": "{{width}}", "height": "{{height}}"}},
          "9": {"class_type": "SaveVideo", "inputs": {"filename_prefix": "cloudreel"}}
        }
        """;

    private readonly FakeComfyUI _fake = new();
    private readonly AdapterKit _kit = new();
    private ComfyUIVideoModel _model = null!;

    public async Task InitializeAsync()
    {
        await _fake.StartAsync();
        var options = new ComfyUIOptions { BaseUrl = _fake.Root, Fps = 16 };
        _model = new ComfyUIVideoModel(options, _kit.Http("comfyui", _fake.Root, null, new ComfyErrors()), _kit.Store, _kit.Images);
    }

    [Theory]
    [InlineData("images")]
    [InlineData("gifs")]
    public async Task SubmitAsync_Workflow_FillsThePlaceholdersAndFindsTheVideoOutput(string outputKey)
    {
        _fake.OutputKey = outputKey;

        var done = await AdapterKit.UntilDoneAsync(_model, await _model.SubmitAsync(await RequestAsync(Graph, seconds: 3), AdapterKit.Key(1)));

        var sent = JsonNode.Parse(_fake.Requests.First(r => r.Path == "/prompt").Body)!;
        sent["prompt"]!["3"]!["inputs"]!["seed"]!.GetValue<long>().Should().Be(42, "a whole placeholder keeps the value's type");
        sent["prompt"]!["6"]!["inputs"]!["text"]!.GetValue<string>().Should().StartWith("cinematic, A paper boat");
        sent["prompt"]!["7"]!["inputs"]!["length"]!.GetValue<int>().Should().Be(48);
        sent["extra_data"]!["cloudreel_key"]!.GetValue<string>().Should().Be(AdapterKit.Key(1));
        done.State.Should().Be(JobState.Succeeded, done.Failure?.Message);
        (await AdapterKit.DownloadAsync(_model, done)).Should().Equal(FakeClips.Of(3));
    }

    [Fact]
    public async Task SubmitAsync_ShotWithAnImage_UploadsItAndNamesItInTheGraph()
    {
        var request = await RequestAsync(ImageGraph, seconds: 2) with { References = [await _kit.ImageAsync()] };

        var status = await _model.SubmitAsync(request, AdapterKit.Key(2));

        status.State.Should().Be(JobState.Queued, status.Failure?.Message);
        var uploaded = _fake.Uploads.Keys.Single();
        JsonNode.Parse(_fake.Requests.First(r => r.Path == "/prompt").Body)!["prompt"]!["10"]!["inputs"]!["image"]!.GetValue<string>().Should().Be(uploaded);
    }

    [Fact]
    public async Task SubmitAsync_GraphWithoutAPromptPlaceholder_IsInvalidBeforeAnythingIsQueued()
    {
        var status = await _model.SubmitAsync(await RequestAsync("""{"9": {"class_type": "SaveVideo", "inputs": {}}}"""), AdapterKit.Key(3));

        status.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Invalid, Message = "the workflow graph has no {{prompt}} placeholder" });
        _fake.SubmitRequests.Should().Be(0);
    }

    [Fact]
    public async Task SubmitAsync_GraphInTheUiFormat_IsInvalidWithAHint()
    {
        var status = await _model.SubmitAsync(await RequestAsync("""{"nodes": [{"id": 6, "widgets_values": ["{{prompt}}"]}], "links": []}"""), AdapterKit.Key(4));

        status.Failure!.Message.Should().Contain("API format");
    }

    [Fact]
    public async Task GetStatusAsync_ExecutionError_FailsWithTheNodesException()
    {
        _fake.Outcome = JobOutcome.Failure;

        var done = await AdapterKit.UntilDoneAsync(_model, await _model.SubmitAsync(await RequestAsync(Graph), AdapterKit.Key(5)));

        done.Failure.Should().BeEquivalentTo(new { ProviderCode = "torch.OutOfMemoryError", Message = "node 3: CUDA out of memory" });
    }

    [Fact]
    public async Task SubmitAsync_AnswerLost_FindsThePromptInTheQueueByItsKey()
    {
        _fake.Faults.Add(Operation.Submit, Fault.Hang(15));

        var status = await _model.SubmitAsync(await RequestAsync(Graph), AdapterKit.Key(6));

        status.JobId.Should().Be(_fake.Jobs.Keys.Single());
        _fake.SubmitRequests.Should().Be(1);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _kit.Dispose();

    private async Task<ShotRequest> RequestAsync(string graph, double seconds = 5)
    {
        await _kit.Store.PutTextAsync("orders/f/workflow.json", graph, "application/json", overwrite: true);
        return AdapterKit.Request(seconds, 832, 480) with { Workflow = new StoredFile("orders/f/workflow.json", new string('e', 64)) };
    }
}
