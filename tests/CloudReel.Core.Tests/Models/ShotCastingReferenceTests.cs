using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;

namespace CloudReel.Core.Tests.Models;

public class ShotCastingReferenceTests
{
    private static readonly Dictionary<string, ModelCapabilities> Models = new()
    {
        ["vidu"] = new() { Name = "vidu", Version = "q2", Durations = DurationOptions.Range(1, 10), ImageToVideo = true, LastFrame = true, MaxReferenceImages = 7, MaxConcurrentJobs = 3 },
        ["kling"] = new() { Name = "kling", Version = "2", Durations = DurationOptions.Only(5, 10), ImageToVideo = true, PricePerSecond = 0.1m, ConcurrencyGroup = "kling-account" },
        ["comfyui"] = new() { Name = "comfyui", Version = "1", Durations = DurationOptions.Range(1, 20), ImageToVideo = true, NeedsWorkflow = true },
    };

    private static readonly Dictionary<string, string> Hashes = new() { ["a.png"] = "aa", ["b.png"] = "bb", ["w.json"] = "ww" };

    [Fact]
    public void Cast_FirstAndLastFrame_CarriesBothRolesAndDropsModelsThatCannotEndOnAPicture()
    {
        var order = new FilmOrder { Title = "T", Model = "vidu", Fallback = ["kling"], Shots = [new ShotSpec { Id = "s", Prompt = "p", Image = "a.png", LastImage = "b.png" }] };

        var plan = ShotCasting.Cast(order, Models, Hashes);

        var chain = plan.Shots[0].Chain;
        chain.Select(a => a.Model).Should().Equal("vidu");
        chain[0].Request.References.Should().Equal(new ReferenceImage("a.png", "aa"), new ReferenceImage("b.png", "bb", ReferenceRole.LastFrame));
        plan.Notes.Should().ContainSingle().Which.Should().Be("shot s: 'kling' cannot end on a given picture and was left out of its chain");
    }

    [Fact]
    public void Cast_SameImageAsFirstFrameOrAsSubject_GivesDifferentContentKeys()
    {
        var first = new FilmOrder { Title = "T", Model = "vidu", Shots = [new ShotSpec { Id = "s", Prompt = "p", Image = "a.png" }] };
        var subject = first with { Shots = [new ShotSpec { Id = "s", Prompt = "p", References = ["a.png"] }] };

        var firstKey = ShotCasting.Cast(first, Models, Hashes).Shots[0].Chain[0].ContentKey;
        var subjectKey = ShotCasting.Cast(subject, Models, Hashes).Shots[0].Chain[0].ContentKey;

        subjectKey.Should().NotBe(firstKey);
    }

    [Fact]
    public void Cast_WorkflowModel_HashesTheWorkflowIntoItsKeyOnly()
    {
        var order = new FilmOrder { Title = "T", Model = "comfyui", Fallback = ["vidu"], Workflow = "w.json", Shots = [new ShotSpec { Id = "s", Prompt = "p" }] };
        var changed = new Dictionary<string, string>(Hashes) { ["w.json"] = "w2" };

        var before = ShotCasting.Cast(order, Models, Hashes).Shots[0].Chain;
        var after = ShotCasting.Cast(order, Models, changed).Shots[0].Chain;

        before[0].Request.Workflow.Should().Be(new StoredFile("w.json", "ww"));
        before[1].Request.Workflow.Should().BeNull();
        after[0].ContentKey.Should().NotBe(before[0].ContentKey, "another graph makes another clip");
        after[1].ContentKey.Should().Be(before[1].ContentKey, "the graph means nothing to vidu");
    }

    [Fact]
    public void Cast_SlotGroupAndCapacity_ComeFromTheModel()
    {
        var order = new FilmOrder { Title = "T", Model = "kling", Fallback = ["vidu"], Shots = [new ShotSpec { Id = "s", Prompt = "p" }] };

        var chain = ShotCasting.Cast(order, Models, Hashes).Shots[0].Chain;

        chain.Select(a => (a.SlotGroup, a.SlotCapacity)).Should().Equal(("kling-account", 2), ("vidu", 3));
    }

    [Fact]
    public void Cast_FallbackThatCannotMakeTheMastersShape_IsLeftOutWithANote()
    {
        var models = new Dictionary<string, ModelCapabilities>(Models)
        {
            ["wide"] = new() { Name = "wide", Version = "1", Durations = DurationOptions.Range(1, 10), Sizes = [new FrameSize(1280, 720)] },
        };
        var order = new FilmOrder { Title = "T", Model = "vidu", Fallback = ["wide"], Aspects = [AspectRatio.Square], Shots = [new ShotSpec { Id = "s", Prompt = "p" }] };

        var plan = ShotCasting.Cast(order, models, Hashes);

        plan.Shots[0].Chain.Select(a => a.Model).Should().Equal("vidu");
        plan.Notes.Should().ContainSingle().Which.Should().Be("shot s: 'wide' cannot make 1:1 pictures and was left out of its chain");
    }

    [Fact]
    public void ResubmitIsFree_PaidServiceConfiguredAtZero_CanStillSayNo()
    {
        var free = new ModelCapabilities { Name = "x", Version = "1", Durations = DurationOptions.Range(1, 5) };
        var paidAtZero = free with { ResubmitIsFree = false };

        free.ResubmitIsFree.Should().BeTrue();
        paidAtZero.ResubmitIsFree.Should().BeFalse();
    }
}
