using CloudReel.Core.Orders;
using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

public class OrderStructureErrorTests
{
    private static string Shot(params string[] fields) =>
        Lines(["title: T", "shots:", "  - id: a", "    prompt: p", .. fields.Select(f => "    " + f)]);

    [Theory]
    [InlineData("secnds: 5", "secnds", "seconds")]
    [InlineData("Seconds: 5", "Seconds", "seconds")]
    [InlineData("captions: hi", "captions", "caption")]
    [InlineData("sede: 4", "sede", "seed")]
    public async Task LoadAsync_UnknownShotKey_SuggestsTheKnownOne(string line, string key, string suggestion)
    {
        var error = await SingleErrorAsync(Shot(line));

        error.Should().Be(new OrderError("order.yaml", 5, 5, "shots[0]." + key, $"unknown field '{key}'; did you mean '{suggestion}'?"));
    }

    [Fact]
    public async Task LoadAsync_UnknownKeyWithNothingClose_ListsTheKnownFields()
    {
        var error = await SingleErrorAsync(Lines("title: T", "producer: me", "brief: b"));

        error.Line.Should().Be(2);
        error.Column.Should().Be(1);
        error.Field.Should().Be("producer");
        error.Message.Should().StartWith("unknown field 'producer' (known fields here: title, style,").And.NotContain("$schema");
    }

    [Fact]
    public async Task LoadAsync_TextWhereNumberExpected_SaysWhatWasFound()
    {
        var error = await SingleErrorAsync(Shot("seconds: five"));

        error.Should().Be(new OrderError("order.yaml", 5, 14, "shots[0].seconds", "expected a number of seconds or 'auto', found text 'five'"));
    }

    [Fact]
    public async Task LoadAsync_NumberWhereTextExpected_SuggestsQuotes()
    {
        var error = await SingleErrorAsync(Lines("title: 1984", "brief: b"));

        error.Should().Be(new OrderError("order.yaml", 1, 8, "title", "expected text, found number 1984; put it in quotes if you mean the text: \"1984\""));
    }

    [Fact]
    public async Task LoadAsync_YesForBoolean_AsksForTrueOrFalse()
    {
        var error = await SingleErrorAsync(Lines("title: T", "approval: yes", "brief: b"));

        error.Should().Be(new OrderError("order.yaml", 2, 11, "approval", "expected true or false, found text 'yes'; write true or false"));
    }

    [Fact]
    public async Task LoadAsync_ListWhereFormExpected_NamesBothForms()
    {
        var error = await SingleErrorAsync(Lines("title: T", "budget: [25]", "brief: b"));

        error.Should().Be(new OrderError("order.yaml", 2, 9, "budget", "expected a number or a mapping with 'limit' and 'currency', found a list"));
    }

    [Fact]
    public async Task LoadAsync_EmptyValue_SaysToGiveOneOrRemoveTheKey()
    {
        var error = await SingleErrorAsync(Lines("title: T", "style:", "brief: b"));

        error.Should().Be(new OrderError("order.yaml", 2, 7, "style", "expected text, found no value; give it a value or remove the key"));
    }

    [Fact]
    public async Task LoadAsync_UnknownCameraMove_ListsAllowedWithSuggestion()
    {
        var error = await SingleErrorAsync(Shot("camera: push_in"));

        error.Line.Should().Be(5);
        error.Column.Should().Be(13);
        error.Field.Should().Be("shots[0].camera");
        error.Message.Should().Be("unknown camera move 'push_in'; did you mean 'push-in'? (one of: " + string.Join(", ", CameraMoves.All) + ")");
    }

    [Fact]
    public async Task LoadAsync_UnknownTransitionInObjectForm_PointsAtType()
    {
        var error = await SingleErrorAsync(Lines("title: T", "transition: {type: disolve, seconds: 1}", "brief: b"));

        error.Line.Should().Be(2);
        error.Column.Should().Be(20);
        error.Field.Should().Be("transition.type");
        error.Message.Should().StartWith("unknown transition 'disolve'; did you mean 'dissolve'?");
    }

    [Theory]
    [InlineData("seconds: 0.5", 14, "must be from 1 to 60 seconds, found 0.5")]
    [InlineData("seconds: 61", 14, "must be from 1 to 60 seconds, found 61")]
    [InlineData("seed: 2.5", 11, "expected a whole number, found 2.5")]
    [InlineData("seed: 4294967296", 11, "must be from 0 to 4294967295, found 4294967296")]
    [InlineData("seconds: .inf", 14, "expected a finite number, found .inf")]
    public async Task LoadAsync_NumberOutOfRange_SaysTheRange(string line, int column, string message)
    {
        var error = await SingleErrorAsync(Shot(line));

        error.Column.Should().Be(column);
        error.Message.Should().Be(message);
    }

    [Theory]
    [InlineData("fps: 29.97", "expected a whole number, found 29.97")]
    [InlineData("fps: 48", "48 is not offered; use one of: 24, 25, 30, 50, 60")]
    [InlineData("resolution: 1081p", "1081p is odd; video needs an even number of lines, e.g. '1082p'")]
    [InlineData("resolution: 4320p", "4320p is outside 144p–2160p")]
    [InlineData("resolution: 4k", "write the resolution as the picture's short side with a 'p', e.g. '1080p' or '720p'")]
    [InlineData("resolution: 1080", "expected text like '1080p', found number 1080")]
    [InlineData("languages: [zh_CN]", "language tags use '-' between parts: 'zh-CN'")]
    [InlineData("languages: [English]", "'English' is not a BCP 47 language tag such as 'en', 'zh-CN' or 'pt-BR'")]
    [InlineData("languages: [en, de, fr, es, it]", "has 5 language tags; at most 4 allowed")]
    [InlineData("aspects: []", "has 0 aspect ratios; at least 1 needed")]
    [InlineData("label: ''", "must not be empty")]
    [InlineData("budget: {limit: 10, currency: usd}", "'usd' is not a three-letter ISO 4217 code")]
    [InlineData("budget: {currency: EUR}", "missing required field 'limit': The most the film may cost.")]
    [InlineData("approval: {timeoutHours: 1000}", "must be from 0.1 to 720 hours, found 1000")]
    public async Task LoadAsync_BadTopLevelValue_ExplainsTheRule(string line, string message)
    {
        var error = await SingleErrorAsync(Lines("title: T", line, "brief: b"));

        error.Line.Should().Be(2);
        error.Message.Should().Be(message);
    }

    [Fact]
    public async Task LoadAsync_TitleTooLong_CountsCharactersNotBytes()
    {
        var ok = await LoadAsync(Lines("title: " + new string('界', 120), "brief: b"));
        var error = await SingleErrorAsync(Lines("title: " + new string('界', 121), "brief: b"));

        ok.IsValid.Should().BeTrue();
        error.Message.Should().Be("is 121 characters long; at most 120 are allowed");
    }

    [Fact]
    public async Task LoadAsync_RepeatedListItem_PointsAtTheRepeat()
    {
        var error = await SingleErrorAsync(Lines("title: T", "languages: [en, zh-CN, en]", "brief: b"));

        error.Should().Be(new OrderError("order.yaml", 2, 24, "languages[2]", "'en' is already listed (at languages[0])"));
    }

    [Fact]
    public async Task LoadAsync_BadShotId_ExplainsTheIdRule()
    {
        var error = await SingleErrorAsync(Lines("title: T", "shots:", "  - id: Bund_1", "    prompt: p"));

        error.Should().Be(new OrderError("order.yaml", 3, 9, "shots[0].id",
            "'Bund_1' is not 1–40 lower-case letters, digits and dashes, not starting or ending with a dash"));
    }

    [Fact]
    public async Task LoadAsync_MissingRequiredShotFields_PointAtTheShot()
    {
        var result = await LoadAsync(Lines("title: T", "shots:", "  - seconds: 4"));

        result.Errors.Select(e => (e.Line, e.Column, e.Field)).Should().Equal((3, 5, "shots[0].id"), (3, 5, "shots[0].prompt"));
        result.Errors[0].Message.Should().StartWith("missing required field 'id': ");
    }

    [Fact]
    public async Task LoadAsync_NoShotsBriefOrScript_AsksForOne()
    {
        var error = await SingleErrorAsync(Lines("title: T"));

        error.Should().Be(new OrderError("order.yaml", 1, 1, "shots", "the order needs one of 'shots', 'brief' or 'script'"));
    }

    [Fact]
    public async Task LoadAsync_ShotsAndBrief_PointsAtTheSecondOne()
    {
        var error = await SingleErrorAsync(Lines("title: T", "shots:", "  - {id: a, prompt: p}", "brief: b"));

        error.Should().Be(new OrderError("order.yaml", 4, 1, "brief",
            "'brief' can't be given together with 'shots': give exactly one of 'shots', 'brief' or 'script'"));
    }

    [Fact]
    public async Task LoadAsync_DurationWithShots_IsOnlyForThePlanner()
    {
        var error = await SingleErrorAsync(Lines("title: T", "duration: 30", "shots:", "  - {id: a, prompt: p}"));

        error.Should().Be(new OrderError("order.yaml", 2, 1, "duration", "'duration' is only allowed together with 'brief' or 'script'"));
    }

    [Fact]
    public async Task LoadAsync_BadCaptionKey_PointsAtTheKey()
    {
        var error = await SingleErrorAsync(Lines("title: T", "languages: [en]", "shots:", "  - id: a", "    prompt: p", "    caption: {en: hi, EN_us: hi}"));

        error.Line.Should().Be(6);
        error.Column.Should().Be(23);
        error.Field.Should().Be("shots[0].caption.EN_us");
        error.Message.Should().Be("language tags use '-' between parts: 'EN-us'");
    }

    [Theory]
    [InlineData("\"one\\ntwo\\nthree\"", "has 3 lines; a caption has at most 2")]
    [InlineData("\"tab\\there\"", "contains the control character U+0009; a caption may only break lines with a newline")]
    public async Task LoadAsync_BadCaptionText_SaysWhy(string caption, string message)
    {
        var error = await SingleErrorAsync(Lines("title: T", "languages: [en]", "shots:", "  - id: a", "    prompt: p", "    caption: " + caption));

        error.Should().Be(new OrderError("order.yaml", 6, 14, "shots[0].caption", message));
    }

    [Fact]
    public async Task LoadAsync_LiteralCaptionWithFinalLineBreak_SuggestsStripChomping()
    {
        var error = await SingleErrorAsync(Lines("title: T", "languages: [en]", "shots:", "  - id: a", "    prompt: p", "    caption: |", "      one", "      two"));

        error.Message.Should().Be("has 3 lines; a caption has at most 2 (it ends with a line break: in YAML write '|-' instead of '|')");
    }

    [Fact]
    public async Task LoadAsync_RootIsAList_SaysAnOrderIsAMapping()
    {
        var error = await SingleErrorAsync(Lines("- title: T"));

        error.Should().Be(new OrderError("order.yaml", 1, 1, "order", "expected a mapping of order fields, found a list"));
    }

    [Fact]
    public async Task LoadAsync_SchemaKey_IsAcceptedAndIgnored()
    {
        var order = await LoadValidAsync(Lines("$schema: ../schema/film-order.schema.json", "title: T", "brief: b"));

        order.Title.Should().Be("T");
    }
}
