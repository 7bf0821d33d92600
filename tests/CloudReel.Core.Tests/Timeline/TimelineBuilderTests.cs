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
        timeline.BurnedLanguages.Should().Equal("en");
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

    [Fact]
    public void Build_EveryAspect_ARenditionWithItsSizeLoudnessReframeAndSafeArea()
    {
        var order = Order(Shot("a", 2)) with
        {
            Aspects = [AspectRatio.Landscape, AspectRatio.Portrait, AspectRatio.Square],
            AspectSettings = [new AspectSettings(AspectRatio.Portrait, LoudnessTarget.Broadcast, ReframeMode.Blur)],
            Resolution = 720,
        };

        var timeline = Build(order);

        timeline.Renditions.Should().Equal(
            new TimelineRendition(AspectRatio.Landscape, new FrameSize(1280, 720), ReframeMode.Crop, -14, SafeArea.For(AspectRatio.Landscape)),
            new TimelineRendition(AspectRatio.Portrait, new FrameSize(720, 1280), ReframeMode.Blur, -23, SafeArea.For(AspectRatio.Portrait)),
            new TimelineRendition(AspectRatio.Square, new FrameSize(720, 720), ReframeMode.Crop, -14, SafeArea.For(AspectRatio.Square)));
        SafeArea.For(AspectRatio.Portrait).Bottom.Should().BeGreaterThan(SafeArea.For(AspectRatio.Landscape).Bottom, "apps draw over the bottom of a vertical video");
    }

    [Fact]
    public void Build_Bilingual_BurnsTheFirstTwoLanguagesThatHaveCaptions()
    {
        var shot = Shot("a", 2) with { Captions = new Dictionary<string, string> { ["zh-CN"] = "外滩", ["en"] = "The Bund", ["ja"] = "外灘" } };
        var order = Order(shot) with { Languages = ["zh-CN", "en", "ja"], CaptionStyle = CaptionStyle.Bilingual };

        Build(order).BurnedLanguages.Should().Equal("zh-CN", "en");
        Build(order with { CaptionStyle = CaptionStyle.None }).BurnedLanguages.Should().BeEmpty();
        Build(order with { CaptionStyle = CaptionStyle.Single }).BurnedLanguages.Should().Equal("zh-CN");
    }

    [Theory]
    [InlineData(LabelShow.Start, new[] { 0, 90 })]
    [InlineData(LabelShow.StartEnd, new[] { 0, 90, 210, 300 })]
    [InlineData(LabelShow.Always, new[] { 0, 300 })]
    public void Build_Label_OpensTheFilmForItsSecondsAndShowsAsAsked(LabelShow show, int[] edges)
    {
        var order = Order(Shot("a", 5, transition: TransitionSpec.Cut), Shot("b", 5)) with
        {
            Label = "AI生成",
            LabelDisplay = new LabelDisplay(Corner.TopRight, show, 3),
        };

        var label = Build(order).Label!;

        label.Text.Should().Be("AI生成");
        label.Position.Should().Be(Corner.TopRight);
        label.Spans.SelectMany(s => new[] { s.Start, s.End }).Should().Equal(edges);
    }

    [Fact]
    public void Build_LabelOnAFilmShorterThanTwoAppearances_OneSpanOverTheWholeFilm()
    {
        var label = Build(Order(Shot("a", 4)) with { Label = "AI", LabelDisplay = new LabelDisplay(Show: LabelShow.StartEnd, Seconds: 3) }).Label!;

        label.Spans.Should().Equal(new FrameSpan(0, 120));
    }

    [Fact]
    public void Build_MusicLogoFocusVoiceOverAndTitles_CarriedWithTheirSettings()
    {
        var order = Order(
            Shot("a", 5, transition: new TransitionSpec(TransitionKind.Crossfade, 1)) with { Focus = new FocusPoint(0.2, 0.3), VoiceOver = "orders/f/vo.mp3", Title = " Day one " },
            Shot("b", 5)) with
        {
            Music = "orders/f/theme.m4a",
            MusicMix = new MusicMix(0.5, 2, 3, Loop: false),
            Logo = "orders/f/logo.png",
            LogoPlacement = new LogoPlacement(Corner.BottomLeft, 0.2, 0.5),
            CleanMaster = false,
        };

        var timeline = Build(order);

        timeline.Music.Should().Be(new TimelineMusic("orders/f/theme.m4a", new MusicMix(0.5, 2, 3, Loop: false)));
        timeline.Logo.Should().Be(new TimelineLogo("orders/f/logo.png", new LogoPlacement(Corner.BottomLeft, 0.2, 0.5)));
        timeline.Clips[0].Focus.Should().Be(new FocusPoint(0.2, 0.3));
        timeline.Clips[0].VoiceOver.Should().Be("orders/f/vo.mp3");
        timeline.Clips[1].Focus.Should().BeNull();
        timeline.Titles.Should().Equal(new CaptionCue(0, 135, "Day one"));
        timeline.CleanMaster.Should().BeFalse();
    }

    [Theory]
    [InlineData(null, 135 + 75)]
    [InlineData(1.0, 135 + 30)]
    [InlineData(30.0, 135 + 149)]
    public void Build_PosterChoice_BecomesAFilmFrameInsideTheShot(double? at, int frame)
    {
        var order = Order(Shot("a", 5, transition: new TransitionSpec(TransitionKind.Crossfade, 0.5)), Shot("b", 5)) with { Poster = new PosterChoice("b", at) };

        Build(order).PosterFrame.Should().Be(frame);
    }

    [Fact]
    public void Build_ImplicitLabel_FirstWriteByCloudReelForThisFilm()
    {
        var label = Build(Order(Shot("a", 2))).ImplicitLabel!;

        label.ToMetadataValue().Should().Be(
            "{\"AIGC\":{\"Label\":\"1\",\"ContentProducer\":\"CloudReel\",\"ProduceID\":\"film-1\",\"ReservedCode1\":\"\"," +
            "\"ContentPropagator\":\"CloudReel\",\"PropagateID\":\"film-1\",\"ReservedCode2\":\"\"}}");
    }

    [Fact]
    public void AigcLabel_ValuesOutsideAppendixECharacters_Dropped()
    {
        var label = AigcLabel.FirstWrite("Cloud \"Reel\"\\云", "id 1");

        label.ContentProducer.Should().Be("CloudReel");
        label.ProduceId.Should().Be("id1");
        label.WithProducer("9131 0000 X").ContentPropagator.Should().Be("91310000X");
    }

    [Fact]
    public void Build_Timeline_RoundTripsThroughWorkflowJson()
    {
        var order = Order(Shot("a", 5, caption: "One") with { Focus = new FocusPoint(0.1, 0.9), Title = "T" }, Shot("b", 5)) with
        {
            Languages = ["en"],
            Aspects = [AspectRatio.Landscape, AspectRatio.Portrait],
            Music = "m.mp3",
            Logo = "l.png",
            Label = "AI生成",
            Poster = new PosterChoice("b"),
        };
        var timeline = Build(order);

        var again = WorkflowJson.Deserialize<FilmTimeline>(WorkflowJson.Serialize(timeline))!;

        again.Should().BeEquivalentTo(timeline, o => o.WithStrictOrdering());
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
