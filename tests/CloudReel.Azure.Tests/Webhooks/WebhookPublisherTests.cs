using System.Text.Json;
using CloudReel.Azure.Events;
using CloudReel.Azure.Tests.Events;
using CloudReel.Azure.Tests.Support;
using CloudReel.Azure.Webhooks;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Azure.Tests.Webhooks;

/// <summary>Webhooks out, signed the Standard Webhooks way and verified by the standardwebhooks npm package.</summary>
public sealed class WebhookPublisherTests : IDisposable
{
    private static readonly WebhookBackoff Quick = new() { FirstDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200), AttemptTimeout = TimeSpan.FromSeconds(1) };
    private readonly string _secret = StandardWebhookSigner.NewSecret();
    private readonly HttpClient _http = new();

    [Fact]
    public async Task Publish_Delivery_IsVerifiedByTheStandardWebhooksLibrary()
    {
        await using var receiver = await FakeHttpServer.StartAsync((_, _) => Results.NoContent());

        await Publisher(receiver).PublishAsync(EventGridFilmPublisherTests.Completed());

        var delivery = receiver.Requests.Should().ContainSingle().Which;
        delivery.Headers["content-type"].Should().Be(CloudEventJson.ContentType);
        (await VerifyAsync(delivery, _secret)).Should().Contain("\"verified\":true").And.Contain("cloudreel.film.completed");
    }

    [Fact]
    public async Task Publish_SignedWithAnotherSecret_IsRejectedByTheLibrary()
    {
        await using var receiver = await FakeHttpServer.StartAsync((_, _) => Results.NoContent());

        await Publisher(receiver).PublishAsync(EventGridFilmPublisherTests.Completed());

        var verify = () => VerifyAsync(receiver.Requests.Single(), StandardWebhookSigner.NewSecret());
        await verify.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task Publish_ServerErrorsThenSuccess_RetriesWithTheSameIdAndAFreshSignature()
    {
        await using var receiver = await FakeHttpServer.StartAsync((_, count) => count < 3 ? Results.StatusCode(503) : Results.Ok());

        await Publisher(receiver).PublishAsync(EventGridFilmPublisherTests.Completed());

        receiver.Requests.Should().HaveCount(3);
        receiver.Requests.Select(r => r.Headers["webhook-id"]).Distinct().Should().ContainSingle().Which.Should().Be("msg_5b8e2c1a-0000-4000-8000-000000000001");
        (await VerifyAsync(receiver.Requests.Last(), _secret)).Should().Contain("\"verified\":true");
    }

    [Fact]
    public async Task Publish_TooManyRequestsWithRetryAfter_WaitsAsAsked()
    {
        await using var receiver = await FakeHttpServer.StartAsync((_, count) => count == 1
            ? new RetryAfterResult(TimeSpan.FromSeconds(1))
            : Results.Ok());
        var started = DateTime.UtcNow;

        await Publisher(receiver, maxDelay: TimeSpan.FromSeconds(5)).PublishAsync(EventGridFilmPublisherTests.Completed());

        receiver.Requests.Should().HaveCount(2);
        (DateTime.UtcNow - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task Publish_ClientError_IsFinalAndNamesTheStatusButNeverTheSecretOrQuery()
    {
        await using var receiver = await FakeHttpServer.StartAsync((_, _) => Results.BadRequest());
        var url = new Uri(receiver.BaseUri, "/hooks/cloudreel?token=query-secret");
        var publisher = new WebhookPublisher(_http, new WebhookOptions { Url = url, Secret = _secret, MaxAttempts = 4 }, backoff: Quick);

        var publish = () => publisher.PublishAsync(EventGridFilmPublisherTests.Completed());

        var failure = (await publish.Should().ThrowAsync<WebhookDeliveryException>()).Which;
        receiver.Requests.Should().ContainSingle("a 400 will not change on a retry");
        failure.Message.Should().Contain("400").And.NotContain("query-secret").And.NotContain(_secret["whsec_".Length..]);
        publisher.Name.Should().NotContain("query-secret");
    }

    [Fact]
    public async Task Publish_ReceiverNeverAnswers_GivesUpAfterItsAttempts()
    {
        await using var receiver = await FakeHttpServer.StartAsync((_, _) => Results.StatusCode(500));

        var publish = () => Publisher(receiver, attempts: 3).PublishAsync(EventGridFilmPublisherTests.Completed());

        (await publish.Should().ThrowAsync<WebhookDeliveryException>()).Which.Message.Should().Contain("500");
        receiver.Requests.Should().HaveCount(3);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("whsec_c2hvcnQ=")]
    public void Signer_BadSecret_SaysWhatASecretLooksLike(string secret)
    {
        var create = () => new StandardWebhookSigner(secret);

        create.Should().Throw<FormatException>().Which.Message.Should().NotContain(secret);
    }

    [Fact]
    public void Publisher_PlainHttpToAPublicHost_IsRefused()
    {
        var create = () => new WebhookPublisher(_http, new WebhookOptions { Url = new Uri("http://hooks.example.com/x"), Secret = _secret });

        create.Should().Throw<ArgumentException>().WithMessage("*https*");
    }

    public void Dispose() => _http.Dispose();

    private WebhookPublisher Publisher(FakeHttpServer receiver, int attempts = 4, TimeSpan? maxDelay = null) => new(
        _http,
        new WebhookOptions { Url = new Uri(receiver.BaseUri, "/hooks/cloudreel"), Secret = _secret, MaxAttempts = attempts },
        backoff: Quick with { MaxDelay = maxDelay ?? Quick.MaxDelay });

    private static async Task<string> VerifyAsync(RecordedRequest delivery, string secret)
    {
        var input = JsonSerializer.Serialize(new
        {
            headers = new Dictionary<string, string>
            {
                ["webhook-id"] = delivery.Headers["webhook-id"],
                ["webhook-timestamp"] = delivery.Headers["webhook-timestamp"],
                ["webhook-signature"] = delivery.Headers["webhook-signature"],
            },
            body = delivery.Text,
        });
        var (exit, output, errors) = await NodePeers.RunScriptAsync("verify-webhook.mjs", [secret], input);
        return exit == 0 ? output : throw new InvalidOperationException(errors);
    }

    private sealed class RetryAfterResult(TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = 429;
            httpContext.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }
    }
}
