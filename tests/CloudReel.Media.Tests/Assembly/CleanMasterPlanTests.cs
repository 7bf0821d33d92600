using CloudReel.Media.Assembly.Clean;
using static CloudReel.Core.Orders.TransitionKind;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Assembly;

public sealed class CleanMasterPlanTests
{
    [Fact]
    public void Plan_BodiesFromTheirFirstKeyframe_TransitionsAndLeadInsRendered()
    {
        var timeline = Timeline(Clip("a", 60, Transition(Crossfade, 10)), Clip("b", 60, Transition(Cut, 0)), Clip("c", 40));
        NormalisedCopy[] copies = [new("a", 66), new("b", 66), new("c", 30)];

        var pieces = CleanMasterPlan.Plan(timeline, copies, gop: 15);

        pieces.Should().Equal(
            new CopyPiece(0, 50, 0, 0),
            // b: body from its frame 10; the copy's next keyframe is 15.
            new RenderPiece(50, 15),
            new CopyPiece(65, 45, 1, 15),
            // c: after a cut, from its first frame; its copy holds only 30 of the 40 frames: the rest is padding, rendered.
            new CopyPiece(110, 30, 2, 0),
            new RenderPiece(140, 10));
        pieces.Sum(p => p.Frames).Should().Be(timeline.TotalFrames);
    }

    [Fact]
    public void Plan_SourceInPoint_CountsFromThere()
    {
        var timeline = Timeline(Clip("a", 30, sourceIn: 0.5));

        CleanMasterPlan.Plan(timeline, [new NormalisedCopy("a", 90)], gop: 15).Should().Equal(new CopyPiece(0, 30, 0, 15));
        CleanMasterPlan.Plan(timeline, [new NormalisedCopy("a", 90)], gop: 10).Should().Equal(new RenderPiece(0, 5), new CopyPiece(5, 25, 0, 20));
    }
}
