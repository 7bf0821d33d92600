using CloudReel.Azure.Queue;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Tests.Support;

namespace CloudReel.Azure.Tests.Queue;

[Collection(AzuriteCollection.Name)]
public sealed class QueueStorageClientTests(AzuriteFixture azurite)
{
    private readonly QueueStorageClient _client = new(azurite.Server.Account);

    [Fact]
    public async Task CreateIfNotExists_Twice_CreatesOnce()
    {
        var queue = TestData.ContainerName("q");

        (await _client.CreateIfNotExistsAsync(queue)).Should().BeTrue();
        (await _client.CreateIfNotExistsAsync(queue)).Should().BeFalse();
    }

    [Fact]
    public async Task SendThenReceive_ReturnsTheTextAndHidesItFromTheNextReceiver()
    {
        var queue = await NewQueueAsync();
        await _client.SendAsync(queue, "{\"filmId\":\"外滩-1\"}");

        var first = await _client.ReceiveAsync(queue, 32, TimeSpan.FromMinutes(1));
        var second = await _client.ReceiveAsync(queue, 32, TimeSpan.FromMinutes(1));

        first.Should().ContainSingle().Which.Text.Should().Be("{\"filmId\":\"外滩-1\"}");
        first[0].DequeueCount.Should().Be(1);
        second.Should().BeEmpty();
    }

    [Fact]
    public async Task Receive_AfterTheVisibilityTimeout_ComesBackWithAHigherDequeueCount()
    {
        var queue = await NewQueueAsync();
        await _client.SendAsync(queue, "job");

        await _client.ReceiveAsync(queue, 1, TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var again = await _client.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(1));

        again.Should().ContainSingle().Which.DequeueCount.Should().Be(2);
    }

    [Fact]
    public async Task Delete_WithTheCurrentPopReceipt_RemovesTheMessage()
    {
        var queue = await NewQueueAsync();
        await _client.SendAsync(queue, "job");
        var received = (await _client.ReceiveAsync(queue, 1, TimeSpan.FromSeconds(1)))[0];

        (await _client.DeleteAsync(queue, received.MessageId, received.PopReceipt)).Should().BeTrue();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        (await _client.ReceiveAsync(queue, 1, TimeSpan.FromSeconds(30))).Should().BeEmpty();
        (await _client.DeleteAsync(queue, received.MessageId, received.PopReceipt)).Should().BeFalse();
    }

    [Fact]
    public async Task ExtendVisibility_KeepsAMessageHiddenPastItsFirstTimeout()
    {
        var queue = await NewQueueAsync();
        await _client.SendAsync(queue, "long assembly");
        var received = (await _client.ReceiveAsync(queue, 1, TimeSpan.FromSeconds(1)))[0];

        var receipt = await _client.ExtendVisibilityAsync(queue, received.MessageId, received.PopReceipt, TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        (await _client.ReceiveAsync(queue, 1, TimeSpan.FromSeconds(30))).Should().BeEmpty();
        (await _client.DeleteAsync(queue, received.MessageId, receipt)).Should().BeTrue();
    }

    [Fact]
    public async Task Send_TooLargeForAQueueMessage_IsRefusedBeforeSending()
    {
        var queue = await NewQueueAsync();

        var send = () => _client.SendAsync(queue, new string('x', 50_000));

        (await send.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("blob");
    }

    [Fact]
    public async Task Receive_FromAMissingQueue_SurfacesQueueNotFound()
    {
        var receive = () => _client.ReceiveAsync(TestData.ContainerName("none"), 1, TimeSpan.FromSeconds(5));

        (await receive.Should().ThrowAsync<StorageRequestFailedException>()).Which.ErrorCode.Should().Be("QueueNotFound");
    }

    private async Task<string> NewQueueAsync()
    {
        var queue = TestData.ContainerName("q");
        await _client.CreateIfNotExistsAsync(queue);
        return queue;
    }
}
