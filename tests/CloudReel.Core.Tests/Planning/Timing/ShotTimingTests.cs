using CloudReel.Core.Models;
using CloudReel.Core.Planning.Timing;

namespace CloudReel.Core.Tests.Planning.Timing;

public class ShotTimingTests
{
    private static readonly ModelCapabilities Wide = PlanningFixtures.Animatic;

    [Fact]
    public void ReadingTime_EnglishAndChinese_FollowWordsAndCharactersPerSecond()
    {
        ReadingTime.Of("one two three four five six seven eight nine ten").Should().BeApproximately(10 / 2.5 + 1, 1e-9);
        ReadingTime.Of("一二三四五六七八").Should().BeApproximately(8 / 4.0 + 1, 1e-9);
    }

    [Fact]
    public void Plan_WithoutTarget_UsesReadingTimeRoundedToHalfSecondsWithAThreeSecondFloor()
    {
        var shots = new[] { Shot("a", 7.4), Shot("b", 1.2), Shot("c", 5.74) };

        var seconds = ShotTiming.Plan(shots, null, Wide, []);

        seconds.Should().Equal(7.5, 3, 5.5);
    }

    [Fact]
    public void Plan_ContinuousModel_ClampsToItsRangeAndNotesTheChange()
    {
        var notes = new List<string>();

        var seconds = ShotTiming.Plan([Shot("s01-long", 11), Shot("s02-mid", 4.3)], null, PlanningFixtures.ShortRange, notes);

        seconds.Should().Equal(8, 4.5);
        notes.Should().Contain("shot s01-long shortened to 8 s (wanted 11 s): model 'short-range' allows at most 8 s");
        notes.Should().NotContain(n => n.Contains("s02-mid", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_DiscreteModel_PicksTheNearestAllowedLength()
    {
        var notes = new List<string>();

        var seconds = ShotTiming.Plan([Shot("a", 3), Shot("b", 7.2), Shot("c", 7.6), Shot("d", 14), Shot("e", 10)], null, PlanningFixtures.FiveOrTen, notes);

        seconds.Should().Equal(5, 5, 10, 10, 10);
        notes.Should().Contain("shot a lengthened to 5 s (wanted 3 s): model 'five-or-ten' allows only 5, 10 s");
        notes.Should().NotContain(n => n.StartsWith("shot e ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(40, 7)]
    [InlineData(61, 4)]
    [InlineData(15, 3)]
    public void Plan_TargetOnContinuousModel_LandsWithinHalfAStep(double target, int count)
    {
        var shots = Enumerable.Range(0, count).Select(i => Shot($"s{i}", 2 + i % 3 * 1.7)).ToList();

        var seconds = ShotTiming.Plan(shots, target, Wide, []);

        ShotTiming.FilmLength(shots, seconds).Should().BeApproximately(target, DurationGrid.Step / 2);
        seconds.Should().OnlyContain(s => Wide.Durations.Accepts(s) && s % DurationGrid.Step == 0);
    }

    [Fact]
    public void Plan_TargetOnContinuousModel_KeepsProportionsOfTextLength()
    {
        var shots = new[] { Shot("short", 2), Shot("long", 6) };

        var seconds = ShotTiming.Plan(shots, 19.5, Wide, []);

        seconds.Should().Equal(5, 15);
    }

    [Fact]
    public void Plan_TargetOnDiscreteModel_LandsAsCloseAsFiveAndTenAllow()
    {
        var shots = Enumerable.Range(0, 6).Select(i => Shot($"s{i}", 3 + i)).ToList();
        var notes = new List<string>();

        var seconds = ShotTiming.Plan(shots, 40, PlanningFixtures.FiveOrTen, notes);

        var film = ShotTiming.FilmLength(shots, seconds);
        film.Should().BeApproximately(40, 2.5, "sums of 5 and 10 minus 2.5 s of overlaps can only reach 37.5 or 42.5");
        seconds.Should().OnlyContain(s => s == 5 || s == 10);
        notes.Should().Contain(n => n.StartsWith("film runs", StringComparison.Ordinal) && n.Contains("target of 40 s", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_TargetTooShortForTheModel_StopsAtTheShortestAllowedAndSaysSo()
    {
        var shots = Enumerable.Range(0, 5).Select(i => Shot($"s{i}", 4)).ToList();
        var notes = new List<string>();

        var seconds = ShotTiming.Plan(shots, 10, PlanningFixtures.FiveOrTen, notes);

        seconds.Should().OnlyContain(s => s == 5);
        notes.Should().Contain("film runs 23 s for a target of 10 s: the closest 5 shots on model 'five-or-ten' (5, 10 s) allow");
    }

    [Fact]
    public void Plan_TargetWithCuts_CountsNoOverlap()
    {
        var shots = new[] { Shot("a", 3, 0), Shot("b", 3, 0) };

        var seconds = ShotTiming.Plan(shots, 12, Wide, []);

        seconds.Sum().Should().Be(12);
    }

    private static TimedShot Shot(string id, double reading, double overlap = 0.5) => new(id, reading, overlap);
}
