using CloudReel.Core.Orders;
using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

/// <summary>The cast, the look, sequences and quality checks in an order: bound, checked with located errors, and written back.</summary>
public class OrderCastTests
{
    private const string CastYaml = """
        title: Harbour Tales
        style: clay animation, warm studio light
        look:
          pictures: [look/palette.png]
        characters:
          - id: mei
            name: Mei
            look: a girl of eight in a yellow raincoat and red boots, black bob haircut
            pictures: [cast/mei-front.png, cast/mei-side.png]
            voice: zh-CN-XiaoyiNeural
          - id: lin
            name: Grandpa Lin
            look: a thin old man with a white beard and a grey cardigan
        qa: {retries: 3, checks: [freeze, black, cut, judge], onFail: fail, minScore: 0.7}
        shots:
          - {id: pier, prompt: Mei runs along the pier, cast: [mei], sequence: run}
          - {id: nets, prompt: Mei reaches Grandpa Lin at the nets, cast: [mei, lin], sequence: run}
          - {id: sea, prompt: The boats head out}
        """;

    private static FakeOrderFiles Files() => new FakeOrderFiles()
        .With("look/palette.png", 1000).With("cast/mei-front.png", 1000).With("cast/mei-side.png", 1000);

    [Fact]
    public async Task Load_CastLookSequenceAndQa_AreBound()
    {
        var order = await LoadValidAsync(CastYaml, files: Files());

        order.Style.Should().Be("clay animation, warm studio light");
        order.LookPictures.Should().Equal("look/palette.png");
        order.Characters.Should().HaveCount(2);
        order.Characters[0].Should().BeEquivalentTo(new CastMember("mei", "Mei", "a girl of eight in a yellow raincoat and red boots, black bob haircut",
            ["cast/mei-front.png", "cast/mei-side.png"], "zh-CN-XiaoyiNeural"));
        order.Characters[1].Pictures.Should().BeEmpty();
        order.Qa.Should().Be(new QaSpec(3, [QaCheck.Freeze, QaCheck.Black, QaCheck.Cut, QaCheck.Judge], QaFailure.Fail, 0.7));
        order.Shots[1].Cast.Should().Equal("mei", "lin");
        order.Shots.Select(s => s.Sequence).Should().Equal("run", "run", null);
        order.ContinuesSequence(1).Should().BeTrue();
        order.ContinuesSequence(0).Should().BeFalse();
        order.ReferencedFiles().Select(f => f.Field).Should().Contain(["look.pictures[0]", "characters[0].pictures[1]"]);
    }

    [Fact]
    public async Task Load_NoQa_ChecksEverythingWithTwoRetriesAndFallsBack()
    {
        var order = await LoadValidAsync("title: T\nshots:\n  - {id: a, prompt: p}\n");

        order.Qa.Should().Be(QaSpec.Default);
        order.Qa.Retries.Should().Be(2);
        order.Qa.OnFail.Should().Be(QaFailure.Fallback);
        order.Qa.Runs(QaCheck.Judge).Should().BeTrue();
    }

    [Fact]
    public async Task Write_CastOrder_LoadsBackTheSame()
    {
        var order = await LoadValidAsync(CastYaml, files: Files());

        var again = await LoadValidAsync(OrderYamlWriter.Write(order), files: Files());

        again.Should().BeEquivalentTo(order);
    }

    [Fact]
    public async Task Load_UnknownCharacterInACast_IsLocatedWithADidYouMean()
    {
        var error = await SingleErrorAsync(CastYaml.Replace("cast: [mei, lin]", "cast: [mei, lim]", StringComparison.Ordinal), files: Files());

        error.Field.Should().Be("shots[1].cast[1]");
        (error.Line, error.Column).Should().Be((17, 73));
        error.Message.Should().Be("unknown character 'lim'; did you mean 'lin'? (characters: mei, lin)");
    }

    [Fact]
    public async Task Load_CastWithoutCharacters_SaysWhereTheCastGoes()
    {
        var error = await SingleErrorAsync("title: T\nshots:\n  - {id: a, prompt: p, cast: [mei]}\n");

        error.Field.Should().Be("shots[0].cast[0]");
        error.Message.Should().StartWith("unknown character 'mei': the order has no 'characters'");
    }

    [Fact]
    public async Task Load_MisspelledCharacterField_SuggestsTheField()
    {
        var error = await SingleErrorAsync("title: T\ncharacters:\n  - {id: mei, name: Mei, look: l, piktures: [a.png]}\nbrief: b\n");

        error.Field.Should().Be("characters[0].piktures");
        error.Message.Should().Be("unknown field 'piktures'; did you mean 'pictures'?");
    }

    [Fact]
    public async Task Load_DuplicateCharacterId_NamesTheFirstLine()
    {
        var error = await SingleErrorAsync("title: T\ncharacters:\n  - {id: mei, name: Mei, look: l}\n  - {id: mei, name: May, look: m}\nbrief: b\n");

        error.Field.Should().Be("characters[1].id");
        error.Message.Should().Be("duplicate character id 'mei' (first used on line 3); character ids must be unique");
    }

    [Fact]
    public async Task Load_StyleTwice_IsOneError()
    {
        var error = await SingleErrorAsync("title: T\nstyle: clay\nlook: {style: watercolor}\nbrief: b\n");

        error.Field.Should().Be("look.style");
        error.Message.Should().Be("the style is given twice: here and in 'style' (line 2); keep one");
    }

    [Fact]
    public async Task Load_LookStyle_IsTheOrdersStyle()
    {
        var order = await LoadValidAsync("title: T\nlook: {style: watercolor}\nbrief: b\n");

        order.Style.Should().Be("watercolor");
    }

    [Fact]
    public async Task Load_InterruptedSequence_IsAnErrorAtTheShotThatTakesItUpAgain()
    {
        var error = await SingleErrorAsync("title: T\nshots:\n  - {id: a, prompt: p, sequence: run}\n  - {id: b, prompt: p}\n  - {id: c, prompt: p, sequence: run}\n");

        error.Field.Should().Be("shots[2].sequence");
        error.Message.Should().Be("sequence 'run' already ended at shot 'a' (line 3); the shots of a sequence must follow one another");
    }

    [Fact]
    public async Task Load_SequenceShotWithItsOwnImage_IsAnError()
    {
        var error = await SingleErrorAsync("title: T\nshots:\n  - {id: a, prompt: p, sequence: run}\n  - {id: b, prompt: p, sequence: run, image: b.png}\n",
            files: new FakeOrderFiles().With("b.png", 100));

        error.Field.Should().Be("shots[1].image");
        error.Message.Should().StartWith("shot 'b' continues sequence 'run' from the last frame of shot 'a', so it can't also start from 'image'");
    }

    [Fact]
    public async Task Load_SequenceOnAModelWithoutImageToVideo_NamesModelsThatCan()
    {
        var error = await SingleErrorAsync("title: T\nmodel: sora-2\nshots:\n  - {id: a, prompt: p, seconds: 4, sequence: run}\n  - {id: b, prompt: p, seconds: 4, sequence: run}\n");

        error.Field.Should().Be("shots[1].sequence");
        error.Message.Should().Be("shot 'b' continues sequence 'run' from the last frame of the shot before it, but model 'sora-2' can't start from an image; models that can: animatic, kling-v2-1, vidu-q2");
    }

    [Fact]
    public async Task Load_QaOutOfRangeAndMisspelled_AreEachLocated()
    {
        var result = await LoadAsync("title: T\nqa: {retries: 9, checks: [freze], onFail: retry}\nbrief: b\n");

        result.Errors.Select(e => (e.Field, e.Message)).Should().BeEquivalentTo(new[]
        {
            ("qa.retries", "must be from 0 to 5, found 9"),
            ("qa.checks[0]", "unknown check 'freze'; did you mean 'freeze'? (one of: freeze, black, cut, duration, sound, judge)"),
            ("qa.onFail", "unknown failure rule 'retry' (one of: fallback, fail, accept)"),
        });
    }

    [Fact]
    public async Task Load_MissingCharacterPicture_IsAFileError()
    {
        var error = await SingleErrorAsync(CastYaml, files: new FakeOrderFiles().With("look/palette.png", 1000).With("cast/mei-front.png", 1000));

        error.Field.Should().Be("characters[0].pictures[1]");
        error.Message.Should().Be("file not found: cast/mei-side.png (relative to the order file)");
    }
}
