using CloudReel.Azure.Coordination;
using CloudReel.Azure.Store;
using CloudReel.Azure.Tests.Support;
using CloudReel.Core.Ports;
using CloudReel.Core.Tests.Contracts;

namespace CloudReel.Azure.Tests.Coordination;

/// <summary>The Functions app's model slots against Azurite: the same contract as the local engine's, across instances.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobModelSlotsTests(AzuriteFixture azurite) : ModelSlotsContract
{
    private readonly BlobContainers _containers = Containers.Unique();

    protected override IModelSlots CreateSlots() =>
        new BlobModelSlots(azurite.Server.Account.Blobs, TimeProvider.System, containers: _containers);

    [Fact]
    public async Task TryAcquireAsync_HolderNotSeenForTooLong_IsDroppedSoItsSlotFreesUp()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));
        var slots = new BlobModelSlots(azurite.Server.Account.Blobs, clock, TimeSpan.FromHours(1), _containers);
        var group = Group("kling");
        (await slots.TryAcquireAsync(group, new string('a', 64), 1)).Should().BeTrue();

        clock.Advance(TimeSpan.FromMinutes(59));
        var whileFresh = await slots.TryAcquireAsync(group, new string('b', 64), 1);
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterStale = await slots.TryAcquireAsync(group, new string('b', 64), 1);

        whileFresh.Should().BeFalse();
        afterStale.Should().BeTrue("the first holder was last seen 61 minutes ago, past the hour");
        (await slots.HoldersAsync(group)).Should().Equal(new string('b', 64));
    }

    [Fact]
    public async Task HoldAsync_EachPoll_KeepsALongJobsSlot()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));
        var slots = new BlobModelSlots(azurite.Server.Account.Blobs, clock, TimeSpan.FromHours(1), _containers);
        var group = Group("sora");
        await slots.TryAcquireAsync(group, new string('a', 64), 1);

        for (var poll = 0; poll < 3; poll++)
        {
            clock.Advance(TimeSpan.FromMinutes(40));
            await slots.HoldAsync(group, new string('a', 64));
        }

        (await slots.TryAcquireAsync(group, new string('b', 64), 1)).Should().BeFalse("two hours in, the job still polls");
    }

    [Fact]
    public void BlobNameOf_DifferentGroups_NeverShareABlob()
    {
        var names = new[] { "azure-openai:res", "azure-openai/res", "AZURE-OPENAI:RES", new string('x', 300) }.Select(BlobModelSlots.BlobNameOf).ToList();

        names.Should().OnlyHaveUniqueItems();
        names.Should().OnlyContain(n => n.StartsWith("slots/", StringComparison.Ordinal) && StoreLayout.IsSafeRelativePath(n) && n.Length < 100);
    }
}

/// <summary>The Functions app's film budgets against Azurite: the same contract as the local store file, across instances.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobFilmBudgetTests(AzuriteFixture azurite) : FilmBudgetContract
{
    private readonly BlobContainers _containers = Containers.Unique();

    protected override IFilmBudget CreateBudget() => new BlobFilmBudget(azurite.Server.Account.Blobs, _containers);

    [Fact]
    public async Task TryReserveAsync_WritesTheSameAccountTheClipStoreNames()
    {
        var film = Film();
        var blobs = azurite.Server.Account.Blobs;
        await new BlobFilmBudget(blobs, _containers).TryReserveAsync(film, new string('a', 64), 2.5m, 10m);

        var store = new BlobClipStore(blobs, Directory.CreateTempSubdirectory("budget-cache-").FullName, new BlobClipStoreOptions { Containers = _containers });
        var text = await store.ReadTextAsync(StoreLayout.BudgetRecord(film));

        text.Should().Contain("\"amount\":2.5");
        (await store.ListAsync("budgets/")).Should().Equal($"budgets/{film}.json");
        (await store.ListAsync("clips/")).Should().BeEmpty("budgets and slots are no clips");
    }
}

internal static class Containers
{
    public static BlobContainers Unique()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return new BlobContainers($"clips-{suffix}", $"films-{suffix}", $"orders-{suffix}");
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
