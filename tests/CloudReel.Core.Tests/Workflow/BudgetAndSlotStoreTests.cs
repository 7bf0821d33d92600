using CloudReel.Core.Jobs;

namespace CloudReel.Core.Tests.Workflow;

public class BudgetAndSlotStoreTests
{
    private static readonly string KeyA = new('a', 64);
    private static readonly string KeyB = new('b', 64);

    [Fact]
    public async Task TryReserveAsync_ConcurrentShots_NeverTogetherCrossTheLimit()
    {
        var budget = new StoreFilmBudget(new MemoryClipStore());
        var keys = Enumerable.Range(0, 40).Select(i => i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var decisions = await Task.WhenAll(keys.Select(k => Task.Run(() => budget.TryReserveAsync("film", k, 0.75m, 10m))));

        decisions.Count(d => d.Granted).Should().Be(13, "13 × 0.75 = 9.75 fits in 10, a 14th would not");
        (await budget.ReadAsync("film")).Committed.Should().Be(9.75m);
    }

    [Fact]
    public async Task TryReserveAsync_SameClipTwice_ReservesOnce()
    {
        var budget = new StoreFilmBudget(new MemoryClipStore());

        var first = await budget.TryReserveAsync("film", KeyA, 6m, 10m);
        var again = await budget.TryReserveAsync("film", KeyA, 6m, 10m);

        first.Granted.Should().BeTrue();
        again.Should().Be(new Core.Ports.BudgetDecision(true, 6m, 10m));
    }

    [Fact]
    public async Task SettleAsync_AtZero_FreesTheMoneyForAnotherClip_AndTheAccountSurvivesARestart()
    {
        var store = new MemoryClipStore();
        await new StoreFilmBudget(store).TryReserveAsync("film", KeyA, 6m, 10m);
        await new StoreFilmBudget(store).SettleAsync("film", KeyA, 0m);

        var other = await new StoreFilmBudget(store).TryReserveAsync("film", KeyB, 9m, 10m);
        var paidAgain = await new StoreFilmBudget(store).TryReserveAsync("film", KeyA, 6m, 10m);

        other.Granted.Should().BeTrue();
        paidAgain.Granted.Should().BeFalse("9 of 10 is committed to the other clip");
    }

    [Fact]
    public async Task TryAcquireAsync_CapacityTwo_ThirdWaitsUntilOneIsReleased()
    {
        var slots = new ProcessModelSlots();

        (await slots.TryAcquireAsync("sora", KeyA, 2)).Should().BeTrue();
        (await slots.TryAcquireAsync("sora", KeyB, 2)).Should().BeTrue();
        (await slots.TryAcquireAsync("sora", "c", 2)).Should().BeFalse();
        (await slots.TryAcquireAsync("sora", KeyA, 2)).Should().BeTrue("acquiring again is idempotent");
        (await slots.TryAcquireAsync("kling", "c", 2)).Should().BeTrue("groups are separate");
        await slots.ReleaseAsync("sora", KeyA);
        (await slots.TryAcquireAsync("sora", "c", 2)).Should().BeTrue();
    }

    [Fact]
    public async Task HoldAsync_AfterARestart_CountsTheRunningJobEvenOverCapacity()
    {
        var slots = new ProcessModelSlots();
        await slots.TryAcquireAsync("sora", KeyA, 1);

        await slots.HoldAsync("sora", KeyB);

        slots.HeldCount("sora").Should().Be(2);
        (await slots.TryAcquireAsync("sora", "c", 2)).Should().BeFalse();
    }
}
