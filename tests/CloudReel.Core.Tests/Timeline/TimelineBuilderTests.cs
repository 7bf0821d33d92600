using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using CloudReel.Core.Workflow;
using static CloudReel.Core.Tests.Workflow.WorkflowFixtures;

namespace CloudReel.Core.Tests.Timeline;

public class TimelineBuilderTests
{
    [Fact]
    public void Build_ThreeShotsWithTransitions_LengthIsShotsMinusOverlapsToTheFrame()
    {
        var timeline = Build(Order(
            Shot("a", 5, transition: new TransitionSpec(TransitionKind.Crossfade, 0.5)),
            Shot("b", 4.5, transition: TransitionSpec.Cut),
            Shot("c", 3)));

        timeline.Clips.Select(c => c.Frames).Should().Equal(150, 135, 90);
        timeline.Clips[0].TransitionOut.Should().Be(new TimelineTransition(TransitionKind.Crossfade, 15));
        timeline.Clips[1].TransitionOut.Should().BeNull("a cut does not overlap");
        timeline.TotalFrames.Should().Be(150 + 135 + 90 - 15);
        timeline.ClipStartFrames().Should().Equal(0, 135, 270);
    }

    [Fact]
    public void Build_TransitionLongerThanAShortShot_IsShortenedSoEveryShotKeepsAFrameOfItsOwn()
    {
        var timeline = Build(Order(
            Shot("a", 1, transition: new TransitionSpec(TransitionKind.WipeLeft, 2)),
            Shot("b", 1, transition: new TransitionSpec(TransitionKind.WipeLeft, 2)),
            Shot("c", 1)));

        var a = timeline.Clips[0].TransitionOut!.Frames;
        var b = timeline.Clips[1].TransitionOut!.Frames;
        a.Should().BeLessThan(30);
        (a + b).Should().BeLessThan(30, "shot b must show at least one frame between its two transitions");
        timeline.TotalFrames.Should().BePositive();
    }

    [Fact]
    public void Build_Captions_RunFromMidTransitionToMidTransitionWithoutOverlapping()
    {
        var order = Order(
            Shot("a", 5, caption: "One", transition: new TransitionSpec(TransitionKind.Crossfade, 0.5)),
            Shot("b", 5, caption: "Two")) with { Languages = ["en", "zh-CN"] };

        var timeline = Build(order);

        var cues = timeline.Captions.Single().Cues;
        timeline.Captions.Single().Language.Should().Be("en", "no shot has a zh-CN caption");
        cues[0].Should().Be(new CaptionCue(0, 142, "One"));
        cues[1].Should().Be(new CaptionCue(142, 285, "Two"));
        timeline.BurnedCaptionLanguage.Should().Be("en");
    }

    [Fact]
    public void Build_FirstAspectAndResolution_DecideTheMasterSize()
    {
        var order = Order(Shot("a", 2)) with { Aspects = [AspectRatio.Portrait, AspectRatio.Landscape], Resolution = 720, Title = "Shanghai in Clay" };

        var timeline = Build(order);

        timeline.Size.Should().Be(new FrameSize(720, 1280));
        timeline.Aspect.Should().Be(AspectRatio.Portrait);
        timeline.OutputName.Should().Be("shanghai-in-clay");
    }

    private static FilmTimeline Build(FilmOrder order)
    {
        var shots = order.Shots.Select((s, i) => new PlannedShot(s, [Attempt("m", $"{i}", s.Seconds)])).ToList();
        var plan = new PlannedFilm { Order = order, Shots = shots, ModelConcurrency = new Dictionary<string, int>() };
        var outcomes = shots.Select(s => new ShotOutcome { ShotId = s.Shot.Id, Source = ShotSource.Generated, Clip = Clip(s.Chain[0]), Model = "m" }).ToList();
        return TimelineBuilder.Build("film-1", plan, outcomes);
    }

    private static FilmOrder Order(params ShotSpec[] shots) => new() { Title = "T", Shots = shots, Fps = 30, Resolution = 180 };

    private static ShotSpec Shot(string id, double seconds, string? caption = null, TransitionSpec? transition = null) => new()
    {
        Id = id,
        Prompt = id,
        Seconds = seconds,
        Transition = transition,
        Captions = caption is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["en"] = caption },
    };
}
