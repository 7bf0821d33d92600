using System.Text.Json.Nodes;
using CloudReel.Core.Models;
using CloudReel.Models.Configuration;
using CloudReel.Models.Kling;
using CloudReel.Models.Tests.Support;
using CloudReel.Testing.Fakes;

namespace CloudReel.Models.Tests.Adapters;

/// <summary>The Kling adapter against a fake that follows Kling's documented contract and quirks.</summary>
public sealed class KlingTests : IAsyncLifetime, IDisposable
{
    private readonly FakeKling _fake = new();
    private readonly AdapterKit _kit = new();
    private KlingVideoModel _model = null!;
    private KlingOptions _options = null!;

    public async Task InitializeAsync()
    {
        await _fake.StartAsync();
        _model = Create(_fake.SecretKey);
    }

    [Fact]
    public async Task SubmitAsync_TextToVideo_SendsTheDocumentedFieldsAndEndsWithTheClip()
    {
        var submitted = await _model.SubmitAsync(AdapterKit.Request(seconds: 5), AdapterKit.Key(1));
        var done = await AdapterKit.UntilDoneAsync(_model, submitted);

        submitted.JobId.Should().StartWith("text2video/");
        var sent = JsonNode.Parse(_fake.Requests.First(r => r.Method == "POST").Body)!;
        sent["duration"]!.GetValue<string>().Should().Be("5", "Kling takes duration as a string");
        sent["aspect_ratio"]!.GetValue<string>().Should().Be("16:9");
        sent["external_task_id"]!.GetValue<string>().Should().Be(AdapterKit.Key(1));
        sent["model_name"]!.GetValue<string>().Should().Be("kling-v2-5-turbo");
        done.State.Should().Be(JobState.Succeeded, "the fake's 'succeed' status is Kling's spelling");
        done.Cost.Should().Be(1.5m * 0.14m, "the task's final_unit_deduction times the unit price");
        (await AdapterKit.DownloadAsync(_model, done)).Should().Equal(FakeClips.Of(5));
    }

    [Fact]
    public async Task SubmitAsync_FirstAndLastFrame_SendsRawBase64ToImageToVideo()
    {
        var first = await _kit.ImageAsync("orders/f/a.jpg");
        var last = await _kit.ImageAsync("orders/f/b.jpg", ReferenceRole.LastFrame);

        var submitted = await _model.SubmitAsync(AdapterKit.Request(10, 1280, 720, first, last), AdapterKit.Key(2));

        submitted.State.Should().Be(JobState.Queued, submitted.Failure?.Message);
        submitted.JobId.Should().StartWith("image2video/");
        var sent = JsonNode.Parse(_fake.Requests.First(r => r.Method == "POST").Body)!;
        sent["image"]!.GetValue<string>().Should().NotStartWith("data:");
        Convert.FromBase64String(sent["image_tail"]!.GetValue<string>()).Should().Equal(await File.ReadAllBytesAsync(Path.Combine(AdapterKit.RepositoryRoot, "samples/shanghai-clay/refs/bund.jpg")));
        sent["duration"]!.GetValue<string>().Should().Be("10");
    }

    [Fact]
    public async Task SubmitAsync_CastPictures_GoToMultiImageReferenceOnItsModelAndArePolledThere()
    {
        var mei = await _kit.ImageAsync("orders/f/mei.jpg", ReferenceRole.Subject) with { Subject = "mei" };
        var lin = await _kit.ImageAsync("orders/f/lin.jpg", ReferenceRole.Subject) with { Subject = "lin" };

        var submitted = await _model.SubmitAsync(AdapterKit.Request(5, 1280, 720, mei, lin), AdapterKit.Key(7));
        var done = await AdapterKit.UntilDoneAsync(_model, submitted);

        submitted.JobId.Should().StartWith("multi-image2video/");
        var post = _fake.Requests.First(r => r.Method == "POST");
        post.Path.Should().Be("/v1/videos/multi-image2video");
        var sent = JsonNode.Parse(post.Body)!;
        sent["model_name"]!.GetValue<string>().Should().Be("kling-v1-6");
        sent["image_list"]!.AsArray().Should().HaveCount(2).And.OnlyContain(i => !i!["image"]!.GetValue<string>().StartsWith("data:", StringComparison.Ordinal));
        sent["aspect_ratio"]!.GetValue<string>().Should().Be("16:9");
        done.State.Should().Be(JobState.Succeeded);
        _fake.Requests.Where(r => r.Method == "GET").Should().OnlyContain(r => r.Path.StartsWith("/v1/videos/multi-image2video/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitAsync_PromptRefusedByModeration_FailsAsModerationWithKlingsCode()
    {
        _fake.Faults.Add(Operation.Submit, Fault.Moderation());

        var status = await _model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(3));

        status.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Moderation, ProviderCode = "1301" });
        status.Failure!.MovesToNextModel.Should().BeTrue();
        _fake.SubmitRequests.Should().Be(1, "a refusal is final");
    }

    [Fact]
    public async Task GetStatusAsync_VideoRefusedAfterGeneration_FailsAsModeration()
    {
        _fake.Outcome = JobOutcome.OutputModeration;

        var done = await AdapterKit.UntilDoneAsync(_model, await _model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(4)));

        done.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Moderation, ProviderCode = "failed" });
        done.Failure!.Message.Should().Contain("content security review");
    }

    [Fact]
    public async Task SubmitAsync_AnswerLostAfterTheTaskWasMade_FindsItByExternalTaskIdAndMakesNoSecond()
    {
        _fake.Faults.Add(Operation.Submit, Fault.Hang(15));

        var status = await _model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(5));

        status.State.Should().Be(JobState.Queued, status.Failure?.Message);
        status.JobId.Should().Be("text2video/" + _fake.Jobs.Keys.Single());
        _fake.JobsCreated.Should().Be(1);
        _fake.SubmitRequests.Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_AnswerLostBeforeTheTaskWasMade_SendsAgainUnderTheSameExternalId()
    {
        _fake.Faults.Add(Operation.Submit, Fault.ServerError(502));

        var status = await _model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(6));

        status.State.Should().Be(JobState.Queued, status.Failure?.Message);
        _fake.SubmitRequests.Should().Be(2);
        _fake.JobsCreated.Should().Be(1);
        _fake.Jobs.Values.Single().ExternalKey.Should().Be(AdapterKit.Key(6));
    }

    [Fact]
    public async Task FindJobAsync_TaskOnALaterPage_PagesBackWhileMillisecondTimestampsAreNewerThanTheSend()
    {
        var paged = Create(_fake.SecretKey, lookupPageSize: 2);
        var sentAfter = DateTime.UtcNow.AddMinutes(-1);
        for (var n = 1; n <= 3; n++) await paged.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(10 + n));

        var found = await paged.FindJobAsync(AdapterKit.Key(11), AdapterKit.Request(), sentAfter);

        found.Result.Should().Be(JobLookupResult.Found, "the oldest task is on the second page, and page one's created_at (ms) is after the send");
        found.Job!.JobId.Should().Be("text2video/" + _fake.Jobs.Values.Single(j => j.ExternalKey == AdapterKit.Key(11)).Id);
        _fake.Requests.Should().Contain(r => r.Path.Contains("pageNum=2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitAsync_WrongSecretKey_IsRefusedWithoutTheSecretInAnyMessageOrLog()
    {
        var model = Create("not-the-secret-4711");

        var status = await model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(7));

        status.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Invalid, ProviderCode = "1002" });
        status.Failure!.Message.Should().Contain("check Models:Kling:AccessKey");
        var everything = status.Failure.Message + _kit.Logs.All;
        everything.Should().NotContain("not-the-secret-4711").And.NotContain("Bearer ey");
    }

    [Fact]
    public void Capabilities_DefaultModel_PricedFromKlingsListAndFittedToItsDurations()
    {
        _model.Capabilities.PricePerSecond.Should().Be(0.042m, "kling-v2-5-turbo std: 1.5 units per 5 s at 0.14 USD");
        _model.Capabilities.Durations.Allowed.Should().Equal(5, 10);
        _model.Capabilities.ResubmitIsFree.Should().BeFalse();
        _model.IsConfigured.Should().BeTrue();
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _kit.Dispose();

    private KlingVideoModel Create(string secret, int lookupPageSize = 100)
    {
        _options = new KlingOptions { AccessKey = _fake.AccessKey, SecretKey = secret, BaseUrl = _fake.Root };
        var jwt = new KlingJwt(_options.AccessKey!, secret, TimeProvider.System);
        var http = _kit.Http("kling", _fake.Root, _ => ValueTask.FromResult(("Authorization", "Bearer " + jwt.Token)), new KlingErrors());
        return new KlingVideoModel(_options, http, _kit.Images) { LookupPageSize = lookupPageSize };
    }
}
