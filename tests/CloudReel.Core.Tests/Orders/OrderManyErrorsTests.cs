using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

public class OrderManyErrorsTests
{
    [Fact]
    public async Task LoadAsync_ProblemsAcrossShots_AreAllReportedInFileOrder()
    {
        var text = Lines(
            "title: Shanghai",
            "languages: [en]",
            "model: sora-2",
            "shots:",
            "  - id: bund",
            "    prompt: The Bund",
            "    secnds: 4",                       // unknown key (and the default 5 s is not offered by sora-2)
            "    camera: zoom-out",                // unknown camera move
            "  - id: bund",                        // duplicate id
            "    prompt: Yu Garden",
            "    seconds: 8",
            "    image: refs/yu.jpg",              // sora-2 has no image-to-video, and the file is missing
            "    caption: {fr: Jardin}");          // caption language not in languages

        var result = await LoadAsync(text);

        result.Order.Should().BeNull();
        result.Errors.Select(e => (e.Line, e.Column, e.Field)).Should().Equal(
            (5, 5, "shots[0].seconds"),
            (7, 5, "shots[0].secnds"),
            (8, 13, "shots[0].camera"),
            (9, 9, "shots[1].id"),
            (12, 12, "shots[1].image"),
            (12, 12, "shots[1].image"),
            (13, 15, "shots[1].caption.fr"));
        result.Errors.Select(e => e.Message).Should().Contain(m => m.StartsWith("file not found: refs/yu.jpg", StringComparison.Ordinal))
            .And.Contain(m => m.StartsWith("model 'sora-2' can't start from an image", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_SixProblemsOfSixKinds_GivesSixErrors()
    {
        var text = Lines(
            "title: T",
            "fps: 29",                 // not offered
            "music: song.mid",         // wrong extension
            "transiton: cut",          // unknown key
            "languages: [en]",
            "shots:",
            "  - id: a",
            "    prompt: p",
            "    seconds: five",       // wrong type
            "    model: sora-3",       // unknown model
            "    caption: {de: Hallo}"); // caption language not in languages

        var result = await LoadAsync(text);

        result.Errors.Should().HaveCount(6);
        result.Errors.Select(e => e.Field).Should().Equal("fps", "music", "transiton", "shots[0].seconds", "shots[0].model", "shots[0].caption.de");
    }
}
