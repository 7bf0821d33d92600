using CloudReel.Core.Ports;

namespace CloudReel.Core.Tests.Contracts;

/// <summary>
/// What every home of <see cref="IModelSlots"/> must do, run against each: the local engine's
/// in-process slots here, the Functions app's blob slots against Azurite in the Azure tests.
/// </summary>
public abstract class ModelSlotsContract
{
    private static readonly string KeyA = new('a', 64);
    private static readonly string KeyB = new('b', 64);
    private static readonly string KeyC = new('c', 64);

    /// <summary>A fresh home; called again for "the same slots seen from another process", it must share state where the home does.</summary>
    protected abstract IModelSlots CreateSlots();

    /// <summary>A group name no other test uses.</summary>
    protected static string Group(string name) => $"{name}:{Guid.NewGuid():N}";

    [Fact]
    public async Task TryAcquireAsync_CapacityTwo_ThirdWaitsUntilOneIsReleased()
    {
        var slots = CreateSlots();
        var sora = Group("azure-openai");

        (await slots.TryAcquireAsync(sora, KeyA, 2)).Should().BeTrue();
        (await slots.TryAcquireAsync(sora, KeyB, 2)).Should().BeTrue();
        (await slots.TryAcquireAsync(sora, KeyC, 2)).Should().BeFalse();
        (await slots.TryAcquireAsync(sora, KeyA, 2)).Should().BeTrue("acquiring again is idempotent");
        (await slots.TryAcquireAsync(Group("kling"), KeyC, 2)).Should().BeTrue("groups are separate");
        await slots.ReleaseAsync(sora, KeyA);
        (await slots.TryAcquireAsync(sora, KeyC, 2)).Should().BeTrue();
    }

    [Fact]
    public async Task HoldAsync_AfterARestart_CountsTheRunningJobEvenOverCapacity()
    {
        var slots = CreateSlots();
        var sora = Group("azure-openai");
        await slots.TryAcquireAsync(sora, KeyA, 1);

        await slots.HoldAsync(sora, KeyB);
        await slots.ReleaseAsync(sora, KeyA);

        (await slots.TryAcquireAsync(sora, KeyC, 1)).Should().BeFalse("the held job still has its slot");
        await slots.ReleaseAsync(sora, KeyB);
        (await slots.TryAcquireAsync(sora, KeyC, 1)).Should().BeTrue();
    }

    [Fact]
    public async Task ReleaseAsync_NotHeld_ChangesNothing()
    {
        var slots = CreateSlots();
        var group = Group("vidu");
        await slots.TryAcquireAsync(group, KeyA, 1);

        await slots.ReleaseAsync(group, KeyB);

        (await slots.TryAcquireAsync(group, KeyC, 1)).Should().BeFalse();
    }

    [Fact]
    public async Task TryAcquireAsync_ManyContendersAtOnce_GrantsExactlyTheCapacity()
    {
        var homes = Enumerable.Range(0, 4).Select(_ => CreateSlots()).ToList();
        var group = Group("seedance");
        var holders = Enumerable.Range(0, 24).Select(i => i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var granted = await Task.WhenAll(holders.Select((h, i) => Task.Run(() => homes[i % homes.Count].TryAcquireAsync(group, h, 3))));

        granted.Count(g => g).Should().Be(3);
        var winners = holders.Where((_, i) => granted[i]).ToList();
        foreach (var winner in winners) (await homes[0].TryAcquireAsync(group, winner, 3)).Should().BeTrue("a winner still holds its slot");
        (await homes[1].TryAcquireAsync(group, holders.First(h => !winners.Contains(h)), 3)).Should().BeFalse();
    }
}
