using System.Text.Json.Nodes;
using CloudReel.Core.Models;
using CloudReel.Models.Configuration;
using CloudReel.Models.Seedance;
using CloudReel.Models.Tests.Support;
using CloudReel.Testing.Fakes;

namespace CloudReel.Models.Tests.Adapters;

/// <summary>The Seedance adapter against a fake of Volcengine Ark's content-generation tasks.</summary>
public sealed class SeedanceTests : IAsyncLifetime, IDisposable
{
    private readonly FakeArk _fake = new();
    private readonly AdapterKit _kit = new();

    public async Task InitializeAsync() => await _fake.StartAsync();

    [Theory]
    [InlineData("text")]
    [InlineData("fields")]
    public async Task SubmitAsync_EitherWayOfPassingRatioAndDuration_IsUnderstoodByArk(string style)
    {
        var model = Create(style);

        var done = await AdapterKit.UntilDoneAsync(model, await model.SubmitAsync(AdapterKit.Request(seconds: 6, width: 720, height: 1280), AdapterKit.Key(1)));

        _fake.ParameterStyles.Should().Equal(style);
        var sent = JsonNode.Parse(_fake.Requests.First(r => r.Method == "POST").Body)!;
        var text = sent["content"]![0]!["text"]!.GetValue<string>();
        if (style == "text") text.Should().Contain("--ratio 9:16").And.Contain("--duration 6");
        else sent["ratio"]!.GetValue<string>().Should().Be("9:16");
        done.State.Should().Be(JobState.Succeeded);
        done.Cost.Should().Be(6 * 21600 * 2.5m / 1_000_000m, "completion tokens at the configured price per million");
        (await AdapterKit.DownloadAsync(model, done)).Should().Equal(FakeClips.Of(6));
    }

    [Fact]
    public async Task SubmitAsync_FirstAndLastFrame_SendsImagesWithTheirRoles()
    {
        var model = Create("text");
        var first = await _kit.ImageAsync();
        var last = await _kit.ImageAsync("orders/f/end.jpg", ReferenceRole.LastFrame);

        var status = await model.SubmitAsync(AdapterKit.Request(5, 1280, 720, first, last), AdapterKit.Key(2));

        status.State.Should().Be(JobState.Queued, status.Failure?.Message);
        var content = JsonNode.Parse(_fake.Requests.First(r => r.Method == "POST").Body)!["content"]!.AsArray();
        content.Skip(1).Select(c => c!["role"]!.GetValue<string>()).Should().Equal("first_frame", "last_frame");
    }

    [Fact]
    public async Task GetStatusAsync_OutputVideoRefused_FailsAsModeration()
    {
        var model = Create("text");
        _fake.Outcome = JobOutcome.OutputModeration;

        var done = await AdapterKit.UntilDoneAsync(model, await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(3)));

        done.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Moderation, ProviderCode = "OutputVideoSensitiveContentDetected" });
    }

    [Fact]
    public async Task SubmitAsync_AnswerLost_FailsAsAmbiguousBecauseArkCannotBeAsked()
    {
        var model = Create("text");
        _fake.Faults.Add(Operation.Submit, Fault.Hang(15));

        var status = await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(4));

        status.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Transient, ProviderCode = "ambiguous-submit" });
        status.Failure!.Message.Should().Contain("takes no client task id").And.Contain("not sent again");
        _fake.SubmitRequests.Should().Be(1);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _kit.Dispose();

    private SeedanceVideoModel Create(string parameters) => new(
        new SeedanceOptions { ApiKey = "ark-key", BaseUrl = _fake.BaseUrl, Parameters = parameters },
        _kit.Http("seedance", _fake.BaseUrl, _ => ValueTask.FromResult(("Authorization", "Bearer ark-key")), new SeedanceErrors()),
        _kit.Images);
}
