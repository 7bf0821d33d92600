using System.Text.Json.Nodes;
using CloudReel.Core.Models;
using CloudReel.Models.Configuration;
using CloudReel.Models.Tests.Support;
using CloudReel.Models.Vidu;
using CloudReel.Testing.Fakes;

namespace CloudReel.Models.Tests.Adapters;

/// <summary>The Vidu adapter against a fake of Vidu's documented contract: the Token scheme, four modes, payload lookup.</summary>
public sealed class ViduTests : IAsyncLifetime, IDisposable
{
    private readonly FakeVidu _fake = new();
    private readonly AdapterKit _kit = new();
    private ViduVideoModel _model = null!;

    public async Task InitializeAsync()
    {
        await _fake.StartAsync();
        var options = new ViduOptions { ApiKey = "vidu-key", BaseUrl = _fake.BaseUrl, CreditPrice = 0.01m };
        _model = new ViduVideoModel(options, _kit.Http("vidu", _fake.BaseUrl, _ => ValueTask.FromResult(("Authorization", "Token vidu-key")), new ViduErrors()), _kit.Images);
    }

    [Fact]
    public async Task SubmitAsync_TextToVideo_UsesTheTokenSchemeAndEndsWithTheClipAndItsCredits()
    {
        var done = await AdapterKit.UntilDoneAsync(_model, await _model.SubmitAsync(AdapterKit.Request(seconds: 4), AdapterKit.Key(1)));

        var post = _fake.Requests.First(r => r.Method == "POST");
        post.Path.Should().Be("/ent/v2/text2video");
        post.Authorization.Should().Be("Token vidu-key");
        var sent = JsonNode.Parse(post.Body)!;
        sent["duration"]!.GetValue<int>().Should().Be(4);
        sent["payload"]!.GetValue<string>().Should().Be("cloudreel:" + AdapterKit.Key(1));
        done.State.Should().Be(JobState.Succeeded);
        done.Cost.Should().Be(16 * 0.01m);
        (await AdapterKit.DownloadAsync(_model, done)).Should().Equal(FakeClips.Of(4));
    }

    [Theory]
    [InlineData("img2video", 1)]
    [InlineData("start-end2video", 2)]
    [InlineData("reference2video", 3)]
    public async Task SubmitAsync_Pictures_PickTheModeAndSendDataUrls(string mode, int pictures)
    {
        ReferenceImage[] references = mode switch
        {
            "img2video" => [await _kit.ImageAsync()],
            "start-end2video" => [await _kit.ImageAsync(), await _kit.ImageAsync("orders/f/end.jpg", ReferenceRole.LastFrame)],
            _ => [await _kit.ImageAsync("orders/f/a.jpg", ReferenceRole.Subject), await _kit.ImageAsync("orders/f/b.jpg", ReferenceRole.Subject), await _kit.ImageAsync("orders/f/c.jpg", ReferenceRole.Subject)],
        };

        var status = await _model.SubmitAsync(AdapterKit.Request(5, 1280, 720, references), AdapterKit.Key(2));

        status.State.Should().Be(JobState.Queued, status.Failure?.Message);
        var post = _fake.Requests.First(r => r.Method == "POST");
        post.Path.Should().Be("/ent/v2/" + mode);
        var images = JsonNode.Parse(post.Body)!["images"]!.AsArray();
        images.Should().HaveCount(pictures).And.OnlyContain(i => i!.GetValue<string>().StartsWith("data:image/jpeg;base64,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitAsync_CastPictures_GoAsSubjectsNamedInThePromptWithAtMostThreePicturesEach()
    {
        var mei = await _kit.ImageAsync("orders/f/mei-1.jpg", ReferenceRole.Subject) with { Subject = "mei" };
        var mei2 = mei with { StoreName = "orders/f/mei-2.jpg" };
        await _kit.ImageAsync("orders/f/mei-2.jpg", ReferenceRole.Subject);
        var lin = await _kit.ImageAsync("orders/f/lin.jpg", ReferenceRole.Subject) with { Subject = "lin" };
        var loose = await _kit.ImageAsync("orders/f/boat.jpg", ReferenceRole.Subject);
        var request = AdapterKit.Request(5, 1280, 720, mei, mei2, lin, loose) with
        {
            Prompt = "Mei hands Grandpa Lin a paper boat. Mei: a girl of eight. Style: clay animation.",
            Cast = [new CastInShot("mei", "Mei"), new CastInShot("lin", "Grandpa Lin")],
        };

        var status = await _model.SubmitAsync(request, AdapterKit.Key(9));

        status.State.Should().Be(JobState.Queued, status.Failure?.Message);
        var sent = JsonNode.Parse(_fake.Requests.First(r => r.Method == "POST").Body)!;
        sent["images"].Should().BeNull("subjects replace images");
        var subjects = sent["subjects"]!.AsArray();
        subjects.Select(s => (s!["id"]!.GetValue<string>(), s["images"]!.AsArray().Count)).Should().Equal(("mei", 2), ("lin", 1), ("ref1", 1));
        sent["prompt"]!.GetValue<string>().Should().Be("@ref1 Mei @mei hands Grandpa Lin @lin a paper boat. Mei: a girl of eight. Style: clay animation.");
    }

    [Fact]
    public async Task SubmitAsync_InputRefusedBySafetyReview_FailsAsModeration()
    {
        _fake.Faults.Add(Operation.Submit, Fault.Moderation());

        var status = await _model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(3));

        status.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Moderation, ProviderCode = "AuditSubmitIllegal" });
    }

    [Fact]
    public async Task GetStatusAsync_CreationRefused_FailsAsModerationWithItsErrCode()
    {
        _fake.Outcome = JobOutcome.OutputModeration;

        var done = await AdapterKit.UntilDoneAsync(_model, await _model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(4)));

        done.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Moderation, ProviderCode = "CreationPolicyViolation" });
    }

    [Fact]
    public async Task SubmitAsync_NoCreditsLeft_FailsAsQuotaSoTheShotMovesOn()
    {
        _fake.Faults.Add(Operation.Submit, Fault.QuotaExhausted());

        var status = await _model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(5));

        status.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Quota, ProviderCode = "CreditInsufficient" });
        status.Failure!.MovesToNextModel.Should().BeTrue();
    }

    [Fact]
    public async Task SubmitAsync_AnswerLost_FindsTheTaskByItsPayload()
    {
        _fake.Faults.Add(Operation.Submit, Fault.MalformedJson());

        var status = await _model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(6));

        status.JobId.Should().Be(_fake.Jobs.Keys.Single());
        _fake.SubmitRequests.Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_AnswerLostAndTheListShowsNoPayloads_FailsSayingWhyAndSendsNothingMore()
    {
        _fake.ListShowsPayload = false;
        _fake.Faults.Add(Operation.Submit, Fault.MalformedJson());

        var status = await _model.SubmitAsync(AdapterKit.Request(), AdapterKit.Key(7));

        status.Failure.Should().BeEquivalentTo(new { Reason = FailureReason.Transient, ProviderCode = "ambiguous-submit" });
        status.Failure!.Message.Should().Contain("shows no payloads");
        _fake.SubmitRequests.Should().Be(1);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _kit.Dispose();
}
