using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Tests.Workflow;

namespace CloudReel.Core.Tests.Orders;

/// <summary>Staging an order claims its film id: never over another film's order.</summary>
public class StagedOrdersTests
{
    private readonly MemoryClipStore _store = new();
    private readonly string _name = StoreLayout.OrderFile("harbour-1", "order.yaml");

    [Fact]
    public async Task ClaimAsync_IdHoldingAnotherOrder_RefusesAndKeepsThatOrder()
    {
        await StagedOrders.ClaimAsync(_store, _name, "title: First", "application/yaml", CancellationToken.None);

        var act = () => StagedOrders.ClaimAsync(_store, _name, "title: Second", "application/yaml", CancellationToken.None);

        await act.Should().ThrowAsync<FilmIdTakenException>();
        (await _store.ReadTextAsync(_name)).Should().Be("title: First");
    }

    [Fact]
    public async Task ClaimAsync_TheSameOrderAgain_IsFine()
    {
        await StagedOrders.ClaimAsync(_store, _name, "title: First", "application/yaml", CancellationToken.None);

        await StagedOrders.ClaimAsync(_store, _name, "title: First", "application/yaml", CancellationToken.None);

        (await _store.ReadTextAsync(_name)).Should().Be("title: First");
    }
}
