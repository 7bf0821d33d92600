using CloudReel.Azure.Inbound;

namespace CloudReel.Azure.Tests.Inbound;

/// <summary>Event Grid deliveries in both schemas, shaped as the Blob Storage event docs show them.</summary>
public sealed class InboundEventParserTests
{
    private const string Account = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cloudreel/providers/Microsoft.Storage/storageAccounts/cloudreelfilms";
    private readonly InboundEventParser _parser = new(accountName: "cloudreelfilms");

    [Fact]
    public void Parse_SubscriptionValidation_AnswersWithTheCode()
    {
        var body = """
            [{"id":"2d1781af-3a4c-4d7c-bd0c-e34b19da4e66","topic":"/subscriptions/x","subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6","validationUrl":"https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/sub/validate?id=1&t=2&apiVersion=2018-05-01-preview&token=abc"},
              "eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2018-01-25T22:12:19.4556811Z","metadataVersion":"1","dataVersion":"1"}]
            """;

        var validation = _parser.Parse(BinaryData.FromString(body)).Should().ContainSingle().Which.Should().BeOfType<SubscriptionValidation>().Which;

        validation.Response.Should().Be("{\"validationResponse\":\"512d38b6-c7b8-40c8-89fe-f46f9e9622b6\"}");
        validation.ValidationUrl!.Host.Should().Be("rp-eastus2.eventgrid.azure.net");
    }

    [Fact]
    public void Parse_BlobCreatedForAnIncomingOrder_EventGridSchema_IsOrderSubmittedWithNameAndETag()
    {
        var body = EventGridBlobCreated("orders", "incoming/taipei promo.yaml");

        var submitted = _parser.Parse(BinaryData.FromString(body)).Single().Should().BeOfType<OrderSubmitted>().Which;

        submitted.BlobName.Should().Be("incoming/taipei promo.yaml");
        submitted.ETag.Should().Be("0x8D4BCC2E4835CD0");
        submitted.BlobUrl.Host.Should().Be("cloudreelfilms.blob.core.windows.net");
    }

    [Fact]
    public void Parse_AssemblyResultCreated_CloudEventsSchema_IsAssemblyCompletedForTheFilm()
    {
        var body = CloudEventBlobCreated("films", "shanghai-in-clay-3f9a1c/assembly-result.json");

        var completed = _parser.Parse(BinaryData.FromString(body)).Single().Should().BeOfType<AssemblyCompleted>().Which;

        completed.FilmId.Should().Be("shanghai-in-clay-3f9a1c");
        completed.EventId.Should().Be("9aeb0fdf-c01e-0131-0922-9eb54906e209");
    }

    [Theory]
    [InlineData("films", "shanghai-1/shanghai.16x9.mp4", "not an assembly result")]
    [InlineData("orders", "shanghai-1/order.yaml", "not an order under incoming/")]
    [InlineData("orders", "incoming/refs/bund.jpg", "not an order under incoming/")]
    [InlineData("clips", "0123.mp4", "container clips")]
    public void Parse_BlobCreatedCloudReelDoesNotActOn_IsIgnoredWithTheReason(string container, string blob, string reason)
    {
        var ignored = _parser.Parse(BinaryData.FromString(CloudEventBlobCreated(container, blob))).Single().Should().BeOfType<IgnoredEvent>().Which;

        ignored.Reason.Should().Contain(reason);
    }

    [Fact]
    public void Parse_AnotherEventTypeOrAccount_IsIgnored()
    {
        var deleted = EventGridBlobCreated("orders", "incoming/a.yaml").Replace("BlobCreated", "BlobDeleted", StringComparison.Ordinal);
        var otherAccount = EventGridBlobCreated("orders", "incoming/a.yaml").Replace("storageAccounts/cloudreelfilms", "storageAccounts/someoneelse", StringComparison.Ordinal);

        _parser.Parse(BinaryData.FromString(deleted)).Single().Should().BeOfType<IgnoredEvent>().Which.Reason.Should().Contain("BlobDeleted");
        _parser.Parse(BinaryData.FromString(otherAccount)).Single().Should().BeOfType<IgnoredEvent>().Which.Reason.Should().Contain("someoneelse");
    }

    [Fact]
    public void Parse_ABatch_ReadsEveryEventInOrder()
    {
        var batch = "[" + EventGridBlobCreated("orders", "incoming/a.yaml").Trim('[', ']', ' ', '\n', '\r') + "," + EventGridBlobCreated("films", "f-1/assembly-result.json").Trim('[', ']', ' ', '\n', '\r') + "]";

        _parser.Parse(BinaryData.FromString(batch)).Select(e => e.GetType()).Should().Equal(typeof(OrderSubmitted), typeof(AssemblyCompleted));
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[]", "no events")]
    [InlineData("[42]", "Event 0 is not a JSON object")]
    [InlineData("""[{"id":"e1","eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-01-01T00:00:00Z","dataVersion":"","data":{}}]""", "Event 0 (e1): 'subject' is missing")]
    [InlineData("""[{"id":"e2","subject":"/blobServices/default/containers/orders/blobs/incoming/a.yaml","eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-01-01T00:00:00Z","dataVersion":"","data":{"url":"https://a.blob.core.windows.net/orders/incoming/a.yaml"}}]""", "Event 0 (e2): data.eTag is missing")]
    [InlineData("""{"specversion":"0.3","id":"e3","source":"/x","type":"t"}""", "specversion '0.3' is not 1.0")]
    [InlineData("""{"specversion":"1.0","id":"e4","source":"/x","type":"Microsoft.Storage.BlobCreated","data":{}}""", "needs a 'subject'")]
    [InlineData("""{"specversion":"1.0","id":"e5","source":"/x","type":"Microsoft.Storage.BlobCreated","subject":"/containers/orders/x","data":{}}""", "is not /blobServices/default/containers/")]
    public void Parse_Malformed_IsRejectedNamingTheEventAndField(string body, string message)
    {
        var parse = () => _parser.Parse(BinaryData.FromString(body));

        parse.Should().Throw<InboundEventException>().Which.Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("incoming/../films/f-1/assembly-result.json")]
    [InlineData("incoming//a.yaml")]
    [InlineData("incoming/./a.yaml")]
    public void Parse_BlobNameWithTraversal_IsRejected(string blob)
    {
        var parse = () => _parser.Parse(BinaryData.FromString(CloudEventBlobCreated("orders", blob)));

        parse.Should().Throw<InboundEventException>().WithMessage("*not a safe name*");
    }

    [Fact]
    public void Handshake_OptionsFromEventGrid_AllowsItsOrigin()
    {
        var headers = new Dictionary<string, string> { [CloudEventsHandshake.RequestOriginHeader] = "eventgrid.azure.net" };

        CloudEventsHandshake.AllowedOrigin("OPTIONS", h => headers.GetValueOrDefault(h)).Should().Be("eventgrid.azure.net");
        CloudEventsHandshake.AllowedOrigin("OPTIONS", _ => "evil.example").Should().BeNull();
        CloudEventsHandshake.AllowedOrigin("POST", h => headers.GetValueOrDefault(h)).Should().BeNull();
    }

    private static string EventGridBlobCreated(string container, string blob) => $$"""
        [{
          "topic": "{{Account}}",
          "subject": "/blobServices/default/containers/{{container}}/blobs/{{blob}}",
          "eventType": "Microsoft.Storage.BlobCreated",
          "eventTime": "2017-06-26T18:41:00.9584103Z",
          "id": "831e1650-001e-001b-66ab-eeb76e069631",
          "data": {
            "api": "PutBlockList",
            "clientRequestId": "6d79dbfb-0e37-4fc4-981f-442c9ca65760",
            "requestId": "831e1650-001e-001b-66ab-eeb76e000000",
            "eTag": "0x8D4BCC2E4835CD0",
            "contentType": "application/yaml",
            "contentLength": 524288,
            "blobType": "BlockBlob",
            "url": "https://cloudreelfilms.blob.core.windows.net/{{container}}/{{Uri.EscapeDataString(blob).Replace("%2F", "/", StringComparison.Ordinal)}}",
            "sequencer": "00000000000004420000000000028963",
            "storageDiagnostics": { "batchId": "b68529f3-68cd-4744-baa4-3c0498ec19f0" }
          },
          "dataVersion": "",
          "metadataVersion": "1"
        }]
        """;

    private static string CloudEventBlobCreated(string container, string blob) => $$"""
        {
          "source": "{{Account}}",
          "subject": "/blobServices/default/containers/{{container}}/blobs/{{blob}}",
          "type": "Microsoft.Storage.BlobCreated",
          "time": "2019-11-18T15:13:39.4589254Z",
          "id": "9aeb0fdf-c01e-0131-0922-9eb54906e209",
          "data": {
            "api": "PutBlockList",
            "eTag": "0x8D76C39E4407333",
            "contentType": "application/json",
            "contentLength": 30699,
            "blobType": "BlockBlob",
            "url": "https://cloudreelfilms.blob.core.windows.net/{{container}}/{{blob}}",
            "sequencer": "000000000000000000000000000099240000000000c41c18"
          },
          "specversion": "1.0"
        }
        """;
}
