using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;

namespace CloudReel.Core.Tests.Models;

/// <summary>The cast in the requests: each character's look in the prompt, its pictures fitted to what each model takes.</summary>
public class CastFittingTests
{
    private static readonly Dictionary<string, ModelCapabilities> Models = new()
    {
        // Vidu reference2video: up to 7 pictures, 3 per subject.
        ["vidu"] = new() { Name = "vidu", Version = "q2", Durations = DurationOptions.Range(1, 10), ImageToVideo = true, MaxReferenceImages = 7, MaxPicturesPerSubject = 3 },
        // Seedance reference_image: 1–4 pictures.
        ["seedance"] = new() { Name = "seedance", Version = "1", Durations = DurationOptions.Range(2, 12), ImageToVideo = true, MaxReferenceImages = 4 },
        // Sora 2: a first frame (input_reference), no subjects.
        ["sora-2"] = new() { Name = "sora-2", Version = "2", Durations = DurationOptions.Only(4, 8, 12), ImageToVideo = true },
        ["text-only"] = new() { Name = "text-only", Version = "1", Durations = DurationOptions.Range(1, 10) },
    };

    private static readonly Dictionary<string, string> Hashes = new()
    {
        ["mei-1.png"] = "m1", ["mei-2.png"] = "m2", ["mei-3.png"] = "m3", ["mei-4.png"] = "m4", ["lin-1.png"] = "l1", ["lin-2.png"] = "l2", ["pier.png"] = "p",
    };

    private static readonly CastMember Mei = new("mei", "Mei", "a girl of eight in a yellow raincoat", ["mei-1.png", "mei-2.png", "mei-3.png", "mei-4.png"]);
    private static readonly CastMember Lin = new("lin", "Grandpa Lin", "a thin old man with a white beard", ["lin-1.png", "lin-2.png"]);

    private static FilmOrder Order(string model, ShotSpec? shot = null) => new()
    {
        Title = "T",
        Model = model,
        Style = "clay animation",
        Characters = [Mei, Lin],
        Shots = [shot ?? new ShotSpec { Id = "nets", Prompt = "Mei and Grandpa Lin mend a net", Cast = ["mei", "lin"], Camera = CameraMove.PushIn }],
    };

    private static ShotRequest Request(FilmOrder order) => ShotCasting.Cast(order, Models, Hashes).Shots[0].Chain[0].Request;

    [Fact]
    public void Cast_Prompt_CarriesEachCharactersLookBeforeTheCameraAndStyle()
    {
        var request = Request(Order("text-only"));

        request.Prompt.Should().Be("Mei and Grandpa Lin mend a net. Mei: a girl of eight in a yellow raincoat. Grandpa Lin: a thin old man with a white beard. "
            + "Slow push-in towards the subject. Style: clay animation.");
        request.ShotText.Should().Be("Mei and Grandpa Lin mend a net", "the animatic's card shows the shot's own words");
        request.References.Should().BeEmpty("a text-only model gets the cast in words alone");
        request.Cast.Should().Equal(new CastInShot("mei", "Mei"), new CastInShot("lin", "Grandpa Lin"));
    }

    [Fact]
    public void Cast_SubjectModelWithAPerSubjectLimit_GetsEachCharactersPicturesGroupedAndCapped()
    {
        var request = Request(Order("vidu"));

        request.References.Should().Equal(
            new ReferenceImage("mei-1.png", "m1", ReferenceRole.Subject, "mei"), new ReferenceImage("mei-2.png", "m2", ReferenceRole.Subject, "mei"),
            new ReferenceImage("mei-3.png", "m3", ReferenceRole.Subject, "mei"),
            new ReferenceImage("lin-1.png", "l1", ReferenceRole.Subject, "lin"), new ReferenceImage("lin-2.png", "l2", ReferenceRole.Subject, "lin"));
    }

    [Fact]
    public void Cast_SubjectModelWithFewSlots_ShowsEveryCharacterBeforeAnyoneGetsASecondPicture()
    {
        var threeCharacters = Order("seedance") with
        {
            Characters = [Mei, Lin, new CastMember("dog", "Dog", "a small brown dog", ["lin-2.png"])],
            Shots = [new ShotSpec { Id = "pier", Prompt = "p", Cast = ["mei", "lin", "dog"], References = ["pier.png"] }],
        };

        var request = Request(threeCharacters);

        request.References.Select(r => (r.StoreName, r.Subject)).Should().Equal(
            ("pier.png", null), ("mei-1.png", "mei"), ("lin-1.png", "lin"), ("lin-2.png", "dog"));
    }

    [Fact]
    public void Cast_FirstFrameOnlyModel_StartsFromTheFirstCharactersPicture()
    {
        var request = Request(Order("sora-2"));

        request.References.Should().Equal(new ReferenceImage("mei-1.png", "m1"));
        request.FirstFrame!.StoreName.Should().Be("mei-1.png");
    }

    [Fact]
    public void Cast_ShotWithItsOwnImage_KeepsItAndTheCastOnlyInWords()
    {
        var request = Request(Order("vidu", new ShotSpec { Id = "pier", Prompt = "Mei on the pier", Image = "pier.png", Cast = ["mei"] }));

        request.References.Should().Equal(new ReferenceImage("pier.png", "p"));
        request.Prompt.Should().Contain("Mei: a girl of eight in a yellow raincoat");
    }

    [Fact]
    public void Cast_EditingACharacter_ChangesTheKeysOfTheShotsItIsInAndNoOthers()
    {
        var order = Order("vidu") with { Shots = [new ShotSpec { Id = "a", Prompt = "Mei runs", Cast = ["mei"] }, new ShotSpec { Id = "b", Prompt = "Lin waits", Cast = ["lin"] }] };
        var restyled = order with { Characters = [Mei with { Look = "a girl of eight in a red raincoat" }, Lin] };
        var repainted = new Dictionary<string, string>(Hashes) { ["mei-2.png"] = "m2-new" };

        var keys = ShotCasting.Cast(order, Models, Hashes).Shots.Select(s => s.Chain[0].ContentKey).ToList();
        var lookKeys = ShotCasting.Cast(restyled, Models, Hashes).Shots.Select(s => s.Chain[0].ContentKey).ToList();
        var pictureKeys = ShotCasting.Cast(order, Models, repainted).Shots.Select(s => s.Chain[0].ContentKey).ToList();

        lookKeys[0].Should().NotBe(keys[0]);
        pictureKeys[0].Should().NotBe(keys[0]);
        lookKeys[1].Should().Be(keys[1]);
        pictureKeys[1].Should().Be(keys[1]);
    }

    [Fact]
    public void CastingFiles_CastOrder_AreTheShotsAndCharactersPicturesWithoutSoundOrLook()
    {
        var order = Order("vidu") with { LookPictures = ["look.png"], Music = "m.mp3", Shots = [new ShotSpec { Id = "a", Prompt = "p", Image = "pier.png", VoiceOver = "vo.wav" }] };

        order.CastingFiles().Should().Equal("mei-1.png", "mei-2.png", "mei-3.png", "mei-4.png", "lin-1.png", "lin-2.png", "pier.png");
    }

    [Fact]
    public void Cast_ShotContinuingItsSequence_StartsFromTheFrameBeforeIt_WithTheCastInWordsAndOnlyModelsThatStartFromAPicture()
    {
        var order = Order("vidu") with
        {
            Fallback = ["text-only", "sora-2"],
            Shots =
            [
                new ShotSpec { Id = "a", Prompt = "Mei runs to the pier", Cast = ["mei"], Sequence = "run" },
                new ShotSpec { Id = "b", Prompt = "Mei jumps aboard", Cast = ["mei"], Sequence = "run" },
            ],
        };

        var plan = ShotCasting.Cast(order, Models, Hashes);

        plan.Shots[0].Chain[0].Request.ContinuesFrom.Should().BeNull();
        plan.Shots[0].Chain[0].Request.Subjects.Should().NotBeEmpty("the sequence's first shot gets the cast's pictures");
        var continuing = plan.Shots[1].Chain;
        continuing.Select(a => a.Model).Should().Equal("vidu", "sora-2");
        continuing.Should().OnlyContain(a => a.Request.ContinuesFrom == "" && a.Request.References.Count == 0, "its first frame is the last frame of the clip before it, known once that is made");
        continuing[0].Request.Prompt.Should().Contain("Mei: a girl of eight in a yellow raincoat");
        plan.Notes.Should().Contain(n => n.Contains("'text-only' cannot start from the last frame of the shot before it in sequence 'run'"));
    }
}
