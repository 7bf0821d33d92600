using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Tests.Planning;

public class CameraAndIdTests
{
    [Theory]
    [InlineData("An aerial view of the old town at noon.", CameraMove.Aerial)]
    [InlineData("航拍西湖全貌。", CameraMove.Aerial)]
    [InlineData("Tourists walk down the lantern street.", CameraMove.Tracking)]
    [InlineData("游客在老街上漫步。", CameraMove.Tracking)]
    [InlineData("Close on the potter's hands.", CameraMove.PushIn)]
    [InlineData("茶叶的细节特写。", CameraMove.PushIn)]
    [InlineData("A wide panorama of the valley.", CameraMove.PullOut)]
    [InlineData("The pagoda rises above the trees.", CameraMove.TiltUp)]
    [InlineData("雷峰塔在夕阳中。", CameraMove.TiltUp)]
    [InlineData("Boats drift along the river.", CameraMove.PanRight)]
    [InlineData("沿着江边的灯光。", CameraMove.PanRight)]
    public void FromKeywords_Text_PicksTheMoveItsWordsSuggest(string text, CameraMove expected)
    {
        CameraChooser.FromKeywords(text).Should().Be(expected);
    }

    [Fact]
    public void FromKeywords_WordInsideAnotherWord_DoesNotMatch()
    {
        CameraChooser.FromKeywords("The closet door creaks; a widely known tale.").Should().BeNull();
    }

    [Fact]
    public void Choose_ShotsWithoutKeywords_NeverRepeatTheMoveBeforeThem()
    {
        var texts = new[] { "A cat sleeps.", "Tea is poured.", "Close on her hands.", "A bell.", "A door.", "A lamp.", "A bird.", "Rain.", "Steam." };

        var moves = CameraChooser.Choose(texts);

        moves.Zip(moves.Skip(1)).Should().OnlyContain(pair => pair.First != pair.Second);
        moves[2].Should().Be(CameraMove.PushIn);
        moves.Distinct().Count().Should().BeGreaterThan(3);
    }

    [Fact]
    public void Choose_FallbackAfterTheSameKeywordMove_SkipsToTheNextInTheCycle()
    {
        CameraChooser.Choose(["Close on her hands.", "A cat sleeps."]).Should().Equal(CameraMove.PushIn, CameraMove.PanRight);
    }

    [Fact]
    public void Make_LatinText_BuildsSlugsFromTheFirstMeaningfulWords()
    {
        var ids = ShotIdMaker.Make(["The Bund at dusk, lights on the water.", "清晨的西湖。", "Café Zoë's terrace", "Exterior, a very-long-compound-word-that-keeps-going-on and more"]);

        ids.Should().Equal("s01-bund-dusk", "s02", "s03-cafe-zoes", "s04-long-compound");
    }

    [Fact]
    public void Make_ManyShots_GivesUniqueValidIdsOfAtMostFortyCharacters()
    {
        var texts = Enumerable.Range(0, 150).Select(i => i % 3 == 0 ? "湖边" : "Extraordinarily-magnificent panoramas everywhere tonight").ToList();

        var ids = ShotIdMaker.Make(texts);

        ids.Should().OnlyHaveUniqueItems();
        ids.Should().OnlyContain(id => StoreLayout.IsValidId(id) && id.Length <= 40);
        ids[0].Should().Be("s001");
        ids[1].Should().Be("s002-extraordinar-magnificent");
    }
}
