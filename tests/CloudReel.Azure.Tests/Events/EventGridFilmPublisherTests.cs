using System.Text.Json;
using Azure;
using Azure.Messaging.EventGrid;
using CloudReel.Azure.Events;
using CloudReel.Azure.Tests.Support;
using CloudReel.Core.Events;
using CloudReel.Core.Workflow;
using Microsoft.AspNetCore.Http;

namespace CloudReel.Azure.Tests.Events;

/// <summary>Event Grid out: what Azure.Messaging.EventGrid sends to a topic, checked with the cloudevents npm package.</summary>
public sealed class EventGridFilmPublisherTests
{
    [Fact]
    public async Task Publish_SendsAValidCloudEventBatchWithTheTopicKey()
    {
        await using var topic = await FakeHttpServer.StartAsync((_, _) => Results.Ok());
        var publisher = new EventGridFilmPublisher(new Uri(topic.BaseUri, "/api/events"), new AzureKeyCredential("topic-key"), Options());

        await publisher.PublishAsync(Completed());

        var request = topic.Requests.Should().ContainSingle().Which;
        request.Headers["aeg-sas-key"].Should().Be("topic-key");
        request.Headers["content-type"].Should().StartWith("application/cloudevents-batch+json");
        var (exit, output, errors) = await NodePeers.RunScriptAsync("check-cloudevents.mjs", [], request.Text);
        exit.Should().Be(0, errors);
        using var checkedEvents = JsonDocument.Parse(output);
        var checkedEvent = checkedEvents.RootElement[0];
        checkedEvent.GetProperty("type").GetString().Should().Be(FilmEventTypes.FilmCompleted);
        checkedEvent.GetProperty("source").GetString().Should().Be("/cloudreel");
        checkedEvent.GetProperty("subject").GetString().Should().Be("films/shanghai-1");
        checkedEvent.GetProperty("id").GetString().Should().Be("5b8e2c1a-0000-4000-8000-000000000001");
        checkedEvent.GetProperty("data").GetProperty("outputs")[0].GetProperty("name").GetString().Should().Be("films/shanghai-1/shanghai.16x9.mp4");
    }

    [Fact]
    public async Task Publish_TopicRefuses_ThrowsWithTheStatusAfterItsRetries()
    {
        await using var topic = await FakeHttpServer.StartAsync((_, _) => Results.StatusCode(503));
        var publisher = new EventGridFilmPublisher(new Uri(topic.BaseUri, "/api/events"), new AzureKeyCredential("topic-key"), Options());

        var publish = () => publisher.PublishAsync(Completed());

        (await publish.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(503);
        topic.Requests.Count.Should().Be(3, "the first attempt and two retries");
    }

    [Fact]
    public void CloudEventJson_IsValidForTheCloudEventsSdk_WithEveryDataRecord()
    {
        var body = CloudEventJson.Serialize(Completed());

        var json = JsonDocument.Parse(body).RootElement;

        json.GetProperty("specversion").GetString().Should().Be("1.0");
        json.GetProperty("time").GetString().Should().Be("2026-11-21T08:30:00.000Z");
        json.GetProperty("datacontenttype").GetString().Should().Be("application/json");
    }

    [Fact]
    public async Task CloudEventJson_OfEveryType_PassesTheCloudEventsPackage()
    {
        var events = new[]
        {
            Event(FilmEventTypes.StoryboardReady, new StoryboardReadyData("f-1", "T", 3, 1.5m, "USD", true, "films/f-1/storyboard.yaml")),
            Event(FilmEventTypes.ShotGenerated, new ShotGeneratedData("f-1", "bund", "animatic", "generated", new string('a', 64), 0, 1)),
            Event(FilmEventTypes.ShotFailed, new ShotFailedData("f-1", "bund", "kling: moderation", [new AttemptSummary("kling", "refused", "moderation", "blocked")])),
            Event(FilmEventTypes.FilmFailed, new FilmFailedData("f-1", "1 of 3 shot(s) failed", [new ShotFailure("bund", "kling: moderation")])),
        };
        var batch = "[" + string.Join(",", events.Select(e => System.Text.Encoding.UTF8.GetString(CloudEventJson.Serialize(e)))) + "]";

        var (exit, output, errors) = await NodePeers.RunScriptAsync("check-cloudevents.mjs", [], batch);

        exit.Should().Be(0, errors);
        JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.GetProperty("type").GetString())
            .Should().Equal(FilmEventTypes.StoryboardReady, FilmEventTypes.ShotGenerated, FilmEventTypes.ShotFailed, FilmEventTypes.FilmFailed);
    }

    private static EventGridPublisherClientOptions Options()
    {
        var options = new EventGridPublisherClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return options;
    }

    internal static FilmEvent Completed() => Event(
        FilmEventTypes.FilmCompleted,
        new FilmCompletedData("shanghai-1", "Shanghai", 12.5, 0, "USD", [new OutputLink("films/shanghai-1/shanghai.16x9.mp4", "video/mp4", new Uri("https://films.blob.core.windows.net/films/shanghai-1/shanghai.16x9.mp4?sv=1&sig=x"), new DateTime(2026, 11, 22, 8, 30, 0, DateTimeKind.Utc))]),
        "films/shanghai-1");

    internal static FilmEvent Event(string type, object data, string subject = "films/f-1/shots/bund") => new(
        "5b8e2c1a-0000-4000-8000-000000000001",
        type,
        "shanghai-1",
        subject,
        new DateTime(2026, 11, 21, 8, 30, 0, DateTimeKind.Utc),
        JsonSerializer.SerializeToElement(data, WorkflowJson.Options));
}
