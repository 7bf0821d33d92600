using CloudReel.Core.Ports;

namespace CloudReel.Core.Tests.Contracts;

/// <summary>
/// What every home of <see cref="IFilmBudget"/> must do: the store file under a process lock here,
/// the blob under ETag conditions against Azurite in the Azure tests.
/// </summary>
public abstract class FilmBudgetContract
{
    private static readonly string KeyA = new('a', 64);
    private static readonly string KeyB = new('b', 64);

    /// <summary>A home over the same backing store every call (a new instance stands for another process or a restart).</summary>
    protected abstract IFilmBudget CreateBudget();

    /// <summary>A film id no other test uses.</summary>
    protected static string Film() => "film-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task TryReserveAsync_ConcurrentShots_NeverTogetherCrossTheLimit()
    {
        var film = Film();
        var homes = Enumerable.Range(0, 4).Select(_ => CreateBudget()).ToList();
        var keys = Enumerable.Range(0, 30).Select(i => i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var decisions = await Task.WhenAll(keys.Select((k, i) => Task.Run(() => homes[i % homes.Count].TryReserveAsync(film, k, 0.75m, 10m))));

        decisions.Count(d => d.Granted).Should().Be(13, "13 × 0.75 = 9.75 fits in 10, a 14th would not");
        decisions.Where(d => d.Granted).Max(d => d.Committed).Should().Be(9.75m);
        (await CreateBudget().TryReserveAsync(film, KeyA, 0.5m, 10m)).Should().Be(new BudgetDecision(false, 9.75m, 10m));
    }

    [Fact]
    public async Task TryReserveAsync_SameClipTwice_ReservesOnce()
    {
        var film = Film();
        var budget = CreateBudget();

        var first = await budget.TryReserveAsync(film, KeyA, 6m, 10m);
        var again = await budget.TryReserveAsync(film, KeyA, 6m, 10m);

        first.Granted.Should().BeTrue();
        again.Should().Be(new BudgetDecision(true, 6m, 10m));
    }

    [Fact]
    public async Task SettleAsync_AtZero_FreesTheMoneyForAnotherClip_AndTheAccountSurvivesARestart()
    {
        var film = Film();
        await CreateBudget().TryReserveAsync(film, KeyA, 6m, 10m);
        await CreateBudget().SettleAsync(film, KeyA, 0m);

        var other = await CreateBudget().TryReserveAsync(film, KeyB, 9m, 10m);
        var paidAgain = await CreateBudget().TryReserveAsync(film, KeyA, 6m, 10m);

        other.Granted.Should().BeTrue();
        paidAgain.Granted.Should().BeFalse("9 of 10 is committed to the other clip");
    }

    [Fact]
    public async Task SettleAsync_AtTheRealCost_CountsWhatWasSpent()
    {
        var film = Film();
        var budget = CreateBudget();
        await budget.TryReserveAsync(film, KeyA, 6m, 10m);

        await budget.SettleAsync(film, KeyA, 4.5m);

        (await budget.TryReserveAsync(film, KeyB, 5.5m, 10m)).Should().Be(new BudgetDecision(true, 10m, 10m));
    }
}
