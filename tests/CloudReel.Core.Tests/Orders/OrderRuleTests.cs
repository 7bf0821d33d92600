using CloudReel.Core.Orders;
using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

/// <summary>Rules between fields: caption languages and widths, unique ids, transitions.</summary>
public class OrderRuleTests
{
    [Fact]
    public async Task LoadAsync_CaptionLanguageNotInLanguages_SuggestsTheClosest()
    {
        var error = await SingleErrorAsync(Lines("title: T", "languages: [zh-CN, en]", "shots:", "  - id: a", "    prompt: p", "    caption: {zh-cn: 外滩}"));

        error.Should().Be(new OrderError("order.yaml", 6, 15, "shots[0].caption.zh-cn",
            "caption language 'zh-cn' is not in the order's languages (zh-CN, en); did you mean 'zh-CN'?"));
    }

    [Fact]
    public async Task LoadAsync_CaptionMapWithoutLanguages_AsksToAddThem()
    {
        var error = await SingleErrorAsync(Lines("title: T", "shots:", "  - id: a", "    prompt: p", "    caption: {en: Hello}"));

        error.Should().Be(new OrderError("order.yaml", 5, 15, "shots[0].caption.en",
            "caption language 'en' needs 'languages' in the order; add 'languages: [en]'"));
    }

    [Fact]
    public async Task LoadAsync_PlainCaptionWithoutLanguages_IsAnError()
    {
        var error = await SingleErrorAsync(Lines("title: T", "shots:", "  - id: a", "    prompt: p", "    caption: Hello"));

        error.Should().Be(new OrderError("order.yaml", 5, 14, "shots[0].caption",
            "a caption without a language is in the order's first language, but the order has no 'languages'; add e.g. 'languages: [en]'"));
    }

    [Fact]
    public async Task LoadAsync_WideChineseCaption_CountsEachCharacterTwice()
    {
        var fits = Lines("title: T", "languages: [zh-CN]", "shots:", "  - id: a", "    prompt: p", "    caption: " + new string('海', 42));
        var tooWide = Lines("title: T", "languages: [zh-CN]", "shots:", "  - id: a", "    prompt: p", "    caption: " + new string('海', 43));

        (await LoadAsync(fits)).IsValid.Should().BeTrue();
        var error = await SingleErrorAsync(tooWide);
        error.Should().Be(new OrderError("order.yaml", 6, 14, "shots[0].caption",
            "is 86 columns wide; a caption fits in 84 (CJK and fullwidth characters take 2)"));
    }

    [Fact]
    public async Task LoadAsync_DuplicateShotId_NamesTheLineOfTheFirst()
    {
        var error = await SingleErrorAsync(Lines("title: T", "shots:", "  - id: bund", "    prompt: p", "  - id: park", "    prompt: p", "  - id: bund", "    prompt: q"));

        error.Should().Be(new OrderError("order.yaml", 7, 9, "shots[2].id", "duplicate shot id 'bund' (first used on line 3); shot ids must be unique"));
    }

    [Fact]
    public async Task LoadAsync_ShotShorterThanItsTransitions_IsAnError()
    {
        var error = await SingleErrorAsync(Lines(
            "title: T", "transition: {type: dissolve, seconds: 0.8}", "shots:",
            "  - {id: a, prompt: p}", "  - {id: b, prompt: p, seconds: 1.5}", "  - {id: c, prompt: p}"));

        error.Should().Be(new OrderError("order.yaml", 5, 33, "shots[1].seconds",
            "1.5 s is shorter than the transitions that overlap it (0.8 s in + 0.8 s out); make the shot longer or the transitions shorter"));
    }

    [Fact]
    public async Task LoadAsync_LastShotHasNoOutgoingTransition_FitsItsIncomingOne()
    {
        var order = await LoadValidAsync(Lines(
            "title: T", "transition: {type: dissolve, seconds: 2}", "shots:", "  - {id: a, prompt: p}", "  - {id: b, prompt: p, seconds: 2}"));

        order.Shots.Should().HaveCount(2);
    }

    [Fact]
    public async Task LoadAsync_ShotTransitionOverridesOrderTransition_ForItsOutgoingSide()
    {
        var ok = await LoadAsync(Lines(
            "title: T", "transition: {type: dissolve, seconds: 2}", "shots:",
            "  - {id: a, prompt: p, transition: cut}", "  - {id: b, prompt: p, seconds: 2, transition: cut}", "  - {id: c, prompt: p}"));
        var error = await SingleErrorAsync(Lines(
            "title: T", "shots:", "  - {id: a, prompt: p, transition: {type: wipe-left, seconds: 1}}",
            "  - {id: b, prompt: p, seconds: 1.2}", "  - {id: c, prompt: p}"));

        ok.IsValid.Should().BeTrue();
        error.Field.Should().Be("shots[1].seconds");
        error.Message.Should().StartWith("1.2 s is shorter than the transitions that overlap it (1 s in + 0.5 s out)");
    }

    [Fact]
    public async Task LoadAsync_CutWithSeconds_AsksToRemoveThem()
    {
        var error = await SingleErrorAsync(Lines("title: T", "transition:", "  type: cut", "  seconds: 0.5", "brief: b"));

        error.Should().Be(new OrderError("order.yaml", 4, 3, "transition.seconds",
            "a cut has no length; remove 'seconds' or pick a transition such as 'crossfade'"));
    }

    [Fact]
    public async Task LoadAsync_RejectedLanguages_DoNotCascadeIntoCaptionErrors()
    {
        var result = await LoadAsync(Lines("title: T", "languages: [en, zh_CN]", "shots:", "  - {id: a, prompt: p, caption: {zh-CN: 外滩}}"));

        result.Errors.Select(e => e.Field).Should().Equal("languages[1]");
    }
}
