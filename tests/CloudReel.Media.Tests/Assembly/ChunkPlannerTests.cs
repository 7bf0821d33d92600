using CloudReel.Media.Assembly.Plan;
using static CloudReel.Core.Orders.TransitionKind;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Assembly;

public sealed class ChunkPlannerTests
{
    private static readonly Core.Timeline.FilmTimeline Film = Timeline(
        Clip("a", 30, Transition(Crossfade, 10)),
        Clip("b", 30, Transition(Cut, 0)),
        Clip("c", 30, Transition(Dissolve, 6)),
        Clip("d", 30));

    [Fact]
    public void Plan_EnoughRoom_OneChunkWithEveryClip()
    {
        var chunk = ChunkPlanner.Plan(Film, 6).Single();

        chunk.Should().Be(chunk with { StartFrame = 0, Frames = 104 });
        chunk.Clips.Should().Equal(
            new GraphClip(0, 0, 30, Transition(Crossfade, 10)),
            new GraphClip(1, 0, 30, null),
            new GraphClip(2, 0, 30, Transition(Dissolve, 6)),
            new GraphClip(3, 0, 30, null));
    }

    [Fact]
    public void Plan_TwoClipsEach_CutsWhereAClipStandsAloneNeverInATransition()
    {
        var chunks = ChunkPlanner.Plan(Film, 2);

        // Clip c starts at 50 and is alone from there (a cut before it): the cut is at 50.
        chunks.Select(c => (c.StartFrame, c.EndFrame)).Should().Equal((0, 50), (50, 104));
        chunks[1].Clips.Should().Equal(new GraphClip(2, 0, 30, Transition(Dissolve, 6)), new GraphClip(3, 0, 30, null));
    }

    [Fact]
    public void Plan_OneClipEach_EachClipBodyAndEachTransitionAChunkOfItsOwn()
    {
        var chunks = ChunkPlanner.Plan(Film, 1);

        // a 0-30, b 20-50 (crossfade 20-30), c 50-80 (a cut before it), d 74-104 (dissolve 74-80).
        chunks.Select(c => (c.StartFrame, c.EndFrame)).Should().Equal((0, 20), (20, 30), (30, 50), (50, 74), (74, 80), (80, 104));
        chunks[0].Clips.Should().Equal(new GraphClip(0, 0, 20, null));
        chunks[1].Clips.Should().Equal(new GraphClip(0, 20, 10, Transition(Crossfade, 10)), new GraphClip(1, 0, 10, null));
        chunks[2].Clips.Should().Equal(new GraphClip(1, 10, 20, null));
        chunks.Sum(c => c.Frames).Should().Be(Film.TotalFrames);
    }

    [Fact]
    public void Plan_ClipNeverAlone_NoCutAtIt()
    {
        // b (20 frames) is never alone: its incoming and outgoing crossfades take 10 frames each.
        var film = Timeline(Clip("a", 30, Transition(Crossfade, 10)), Clip("b", 20, Transition(Crossfade, 10)), Clip("c", 30));

        var chunks = ChunkPlanner.Plan(film, 1);

        chunks.Select(c => (c.StartFrame, c.EndFrame)).Should().Equal((0, 30), (30, 40), (40, 60));
        chunks[1].Clips.Should().Equal(new GraphClip(1, 10, 10, Transition(Crossfade, 10)), new GraphClip(2, 0, 10, null));
    }

    [Fact]
    public void Window_ThroughATransition_Refused()
    {
        var cut = () => ChunkPlanner.Window(Film, 0, 25);

        cut.Should().Throw<InvalidOperationException>().WithMessage("*transition between clips 1 and 2*");
    }
}
