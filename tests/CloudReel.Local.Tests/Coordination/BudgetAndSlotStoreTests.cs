using CloudReel.Core.Ports;
using CloudReel.Core.Tests.Contracts;
using CloudReel.Core.Tests.Workflow;
using CloudReel.Local.Coordination;

namespace CloudReel.Local.Tests.Coordination;

/// <summary>The local engine's budget: a store file under a per-film process lock.</summary>
public sealed class StoreFilmBudgetTests : FilmBudgetContract
{
    private readonly MemoryClipStore _store = new();

    protected override IFilmBudget CreateBudget() => new StoreFilmBudget(_store);

    [Fact]
    public async Task ReadAsync_AfterReservations_ShowsEveryClipsMoney()
    {
        var budget = new StoreFilmBudget(_store);
        await budget.TryReserveAsync("film", new string('a', 64), 0.75m, 10m);
        await budget.TryReserveAsync("film", new string('b', 64), 1.25m, 10m);

        (await budget.ReadAsync("film")).Committed.Should().Be(2m);
    }
}

/// <summary>The local engine's model slots: held in the process, shared by every film it runs.</summary>
public sealed class ProcessModelSlotsTests : ModelSlotsContract
{
    private readonly ProcessModelSlots _slots = new();

    protected override IModelSlots CreateSlots() => _slots;

    [Fact]
    public async Task HeldCount_AfterHoldOverCapacity_CountsEveryHolder()
    {
        await _slots.TryAcquireAsync("sora", new string('a', 64), 1);

        await _slots.HoldAsync("sora", new string('b', 64));

        _slots.HeldCount("sora").Should().Be(2);
    }
}
