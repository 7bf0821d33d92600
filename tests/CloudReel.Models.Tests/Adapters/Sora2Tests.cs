using System.Text.Json.Nodes;
using Azure.Core;
using CloudReel.Core.Models;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Images;
using CloudReel.Models.AzureOpenAI;
using CloudReel.Models.Configuration;
using CloudReel.Models.Tests.Support;
using CloudReel.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Models.Tests.Adapters;

/// <summary>Sora 2 on Azure's v1 API against a fake of the videos routes.</summary>
public sealed class Sora2Tests : IAsyncLifetime, IDisposable
{
    private readonly FakeAzureOpenAI _fake = new(bearerToken: "entra-token");
    private readonly AdapterKit _kit = new();

    public async Task InitializeAsync() => await _fake.StartAsync();

    [Fact]
    public async Task SubmitAsync_TextToVideo_SendsSecondsAsAStringAndHonoursThePollHint()
    {
        _fake.PollAfterMs = 1500;
        var model = Create(ApiKey());

        var submitted = await model.SubmitAsync(AdapterKit.Request(seconds: 8), AdapterKit.Key(1));
        var running = await model.GetStatusAsync(submitted.JobId!);
        var done = await AdapterKit.UntilDoneAsync(model, running);

        var sent = JsonNode.Parse(_fake.Requests.First(r => r.Method == "POST").Body)!;
        sent["seconds"]!.GetValue<string>().Should().Be("8");
        sent["size"]!.GetValue<string>().Should().Be("1280x720");
        sent["model"]!.GetValue<string>().Should().Be("sora-2");
        running.PollAfter.Should().Be(TimeSpan.FromMilliseconds(1500));
        done.State.Should().Be(JobState.Succeeded);
        (await AdapterKit.DownloadAsync(model, done)).Should().Equal(FakeClips.Of(8));
        _fake.Requests.Should().OnlyContain(r => r.Authorization == null, "an api-key travels in its own header");
    }

    [Fact]
    public async Task SubmitAsync_ReferenceImage_IsFittedToExactlyTheVideosSize()
    {
        var model = Create(ApiKey());

        var status = await model.SubmitAsync(AdapterKit.Request(4, 720, 1280, await _kit.ImageAsync()), AdapterKit.Key(2));

        status.State.Should().Be(JobState.Queued, status.Failure?.Message);
        _fake.Jobs.Values.Single().Request["has_reference"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task SubmitAsync_RefusedByTheSafetySystem_FailsAsModeration()
    {
        _fake.Faults.Add(Operation.Submit, Fault.Moderation());

        var status = await Create(ApiKey()).SubmitAsync(AdapterKit.Request(seconds: 4), AdapterKit.Key(3));

        status.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Moderation, ProviderCode = "ResponsibleAIPolicyViolation" });
    }

    [Fact]
    public async Task GetStatusAsync_VideoFailedModeration_FailsAsModeration()
    {
        _fake.Outcome = JobOutcome.OutputModeration;
        var model = Create(ApiKey());

        var done = await AdapterKit.UntilDoneAsync(model, await model.SubmitAsync(AdapterKit.Request(seconds: 4), AdapterKit.Key(4)));

        done.Failure!.Reason.Should().Be(FailureReason.Moderation);
    }

    [Fact]
    public async Task SubmitAsync_EntraId_SendsTheBearerToken()
    {
        var resource = new AzureOpenAIOptions { Endpoint = _fake.Endpoint, UseEntraId = true };
        using var credential = new AzureCredential(resource, new StaticToken("entra-token"));
        var model = Create(resource, credential);

        var status = await model.SubmitAsync(AdapterKit.Request(seconds: 4), AdapterKit.Key(5));

        status.State.Should().Be(JobState.Queued, status.Failure?.Message);
        _fake.Requests.Single(r => r.Method == "POST").Authorization.Should().Be("Bearer entra-token");
    }

    [Fact]
    public async Task SubmitAsync_AnswerLost_FailsAsAmbiguousWithoutSendingAgain()
    {
        _fake.Faults.Add(Operation.Submit, Fault.ServerError(504, afterCreate: true));

        var status = await Create(ApiKey()).SubmitAsync(AdapterKit.Request(seconds: 4), AdapterKit.Key(6));

        status.Failure!.ProviderCode.Should().Be("ambiguous-submit");
        _fake.SubmitRequests.Should().Be(1);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _kit.Dispose();

    private AzureOpenAIOptions ApiKey() => new() { Endpoint = _fake.Endpoint, ApiKey = "azure-key" };

    private Sora2VideoModel Create(AzureOpenAIOptions resource, AzureCredential? credential = null)
    {
        var header = credential ?? new AzureCredential(resource);
        var fitter = new FfmpegImageFitter(new FfmpegRunner(FfmpegTools.Locate(), NullLogger<FfmpegRunner>.Instance));
        return new Sora2VideoModel(resource, _kit.Http("sora-2", _fake.Endpoint, header.HeaderAsync, new AzureErrors()), _kit.Images, fitter);
    }

    private sealed class StaticToken(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
