using CloudReel.Media.Assembly;
using static CloudReel.Core.Orders.TransitionKind;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Assembly;

public sealed class VideoGraphBuilderTests
{
    private static readonly string[] Paths = ["/c/0.mp4", "/c/1.mp4", "/c/2.mp4", "/c/3.mp4"];

    [Fact]
    public void Build_CutsThenTransition_OneConcatForTheCutsAndXfadeAtTheExactOffset()
    {
        var timeline = Timeline(
            Clip("a", 30, Transition(Cut, 0)),
            Clip("b", 20),
            Clip("c", 47, Transition(SlideUp, 12)),
            Clip("d", 30));

        var graph = VideoGraphBuilder.Build(timeline, Paths, null);

        graph.Graph.Should().Contain("[c0][c1][c2]concat=n=3:v=1:a=0");
        // 30 + 20 + 47 = 97 frames before the slide; it starts 12 frames before their end.
        graph.Graph.Should().Contain("xfade=transition=slideup:duration=0.4:offset=2.833333");
        graph.OutputLabel.Should().Be("x1");
        graph.InputArguments.Should().Equal("-i", "/c/0.mp4", "-i", "/c/1.mp4", "-i", "/c/2.mp4", "-i", "/c/3.mp4");
    }

    [Fact]
    public void Build_SourceInPointAndCaptions_SeekOnInputAndBurnLast()
    {
        var timeline = Timeline(Clip("a", 30, sourceIn: 1.25));

        var graph = VideoGraphBuilder.Build(timeline, Paths, "/tmp/x/burned.ass");

        graph.InputArguments.Should().Equal("-ss", "1.25", "-i", "/c/0.mp4");
        graph.Graph.Should().EndWith("[c0]subtitles=filename=/tmp/x/burned.ass[burned]");
        graph.Graph.Should().Contain("tpad=stop_mode=clone:stop=30,trim=end_frame=30");
    }
}
