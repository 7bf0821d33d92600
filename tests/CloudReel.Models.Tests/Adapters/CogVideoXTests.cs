using System.Text.Json.Nodes;
using CloudReel.Core.Models;
using CloudReel.Models.CogVideoX;
using CloudReel.Models.Configuration;
using CloudReel.Models.Tests.Support;
using CloudReel.Testing.Fakes;

namespace CloudReel.Models.Tests.Adapters;

/// <summary>The CogVideoX adapter against a fake of Zhipu's videos/generations and async-result.</summary>
public sealed class CogVideoXTests : IAsyncLifetime, IDisposable
{
    private readonly FakeZhipu _fake = new();
    private readonly AdapterKit _kit = new();
    private CogVideoXVideoModel _model = null!;

    public async Task InitializeAsync()
    {
        await _fake.StartAsync();
        _model = new CogVideoXVideoModel(
            new CogVideoXOptions { ApiKey = "zhipu-key", BaseUrl = _fake.BaseUrl },
            _kit.Http("cogvideox", _fake.BaseUrl, _ => ValueTask.FromResult(("Authorization", "Bearer zhipu-key")), new CogVideoXErrors()),
            _kit.Images);
    }

    [Fact]
    public async Task SubmitAsync_UpperCaseStatuses_RunToTheClip()
    {
        var done = await AdapterKit.UntilDoneAsync(_model, await _model.SubmitAsync(AdapterKit.Request(10, 1920, 1080), AdapterKit.Key(1)));

        var sent = JsonNode.Parse(_fake.Requests.First(r => r.Method == "POST").Body)!;
        sent["size"]!.GetValue<string>().Should().Be("1920x1080");
        sent["request_id"]!.GetValue<string>().Should().Be(AdapterKit.Key(1));
        done.State.Should().Be(JobState.Succeeded);
        (await AdapterKit.DownloadAsync(_model, done)).Should().Equal(FakeClips.Of(10));
    }

    [Fact]
    public async Task SubmitAsync_FirstAndLastFrame_SendsTwoImages()
    {
        var first = await _kit.ImageAsync();
        var last = await _kit.ImageAsync("orders/f/end.jpg", ReferenceRole.LastFrame);

        var status = await _model.SubmitAsync(AdapterKit.Request(5, 1280, 720, first, last), AdapterKit.Key(2));

        status.State.Should().Be(JobState.Queued, status.Failure?.Message);
        JsonNode.Parse(_fake.Requests.First(r => r.Method == "POST").Body)!["image_url"]!.AsArray().Should().HaveCount(2);
    }

    [Theory]
    [InlineData(true, FailureReason.Moderation, "1301")]
    [InlineData(false, FailureReason.Quota, "1113")]
    public async Task SubmitAsync_PlatformErrorCodes_AreNormalised(bool moderation, FailureReason reason, string code)
    {
        _fake.Faults.Add(Operation.Submit, moderation ? Fault.Moderation() : Fault.QuotaExhausted());

        var status = await _model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(3));

        status.Failure.Should().BeEquivalentTo(new { Reason = reason, ProviderCode = code });
    }

    [Fact]
    public async Task GetStatusAsync_GeneratedVideoRefused_FailsAsModeration()
    {
        _fake.Outcome = JobOutcome.OutputModeration;

        var done = await AdapterKit.UntilDoneAsync(_model, await _model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(4)));

        done.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Moderation, ProviderCode = "1301" });
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _kit.Dispose();
}
