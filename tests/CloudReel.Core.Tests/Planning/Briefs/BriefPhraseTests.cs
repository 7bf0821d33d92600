using CloudReel.Core.Planning.Briefs;

namespace CloudReel.Core.Tests.Planning.Briefs;

public class BriefPhraseTests
{
    [Theory]
    [InlineData("A 45-second promo for the harbour.", 45)]
    [InlineData("a 30s spot", 30)]
    [InlineData("Keep it to 1.5 minutes.", 90)]
    [InlineData("a one-minute film", 60)]
    [InlineData("a minute and a half, no more", 90)]
    [InlineData("a ninety-second teaser", 90)]
    [InlineData("between 30–45 seconds long", 45)]
    [InlineData("half a minute of footage", 30)]
    [InlineData("这是一支一分钟的宣传片", 60)]
    [InlineData("片长约两分钟", 120)]
    [InlineData("时长90秒", 90)]
    [InlineData("一分半钟的短片", 90)]
    [InlineData("1分30秒", 90)]
    [InlineData("半分钟的视频", 30)]
    [InlineData("四十五秒", 45)]
    public void Find_LengthPhrase_IsReadInSeconds(string text, double seconds)
    {
        LengthPhrases.Find(text).Should().Be(seconds);
    }

    [Theory]
    [InlineData("Open till 2 a.m.")]
    [InlineData("The view is as good as it gets.")]
    [InlineData("Deliver a 9:16 version too.")]
    [InlineData("景色十分美丽")]
    [InlineData("Five boats leave the harbour.")]
    public void Find_NoLength_IsNull(string text)
    {
        LengthPhrases.Find(text).Should().BeNull();
    }

    [Theory]
    [InlineData("1:30", 90)]
    [InlineData("2:05", 125)]
    public void Find_ClockWhereALengthIsMeant_IsMinutesAndSeconds(string text, double seconds)
    {
        LengthPhrases.Find(text, clock: true).Should().Be(seconds);
        LengthPhrases.Find(text).Should().BeNull("\"9:16\" is a shape, so a clock counts only after a length label");
    }

    [Theory]
    [InlineData("A promo told in a soft ink-wash style.", "soft ink-wash")]
    [InlineData("Shot in Hangzhou in a soft ink-wash style.", "soft ink-wash")]
    [InlineData("A teaser in the style of a hand-painted Persian miniature.", "hand-painted Persian miniature")]
    [InlineData("An anime-style short about a cat.", "anime")]
    [InlineData("with a grainy 16mm look", "grainy 16mm")]
    [InlineData("这是一支城市宣传片，采用赛博朋克霓虹风格。", "赛博朋克霓虹风格")]
    [InlineData("水墨风格", "水墨风格")]
    public void Find_StylePhrase_IsTheLook(string text, string style)
    {
        StylePhrases.Find(text).Should().Be(style);
    }

    [Theory]
    [InlineData("老街保留着明清风格的建筑。")]
    [InlineData("A fisherman mends his net in the morning light.")]
    [InlineData("She looks at the sea with a look of surprise.")]
    public void Find_NoStyle_IsNull(string text)
    {
        StylePhrases.Find(text).Should().BeNull();
    }

    [Theory]
    [InlineData("in a warm, grainy 1970s film style", "warm, grainy 1970s film")]
    [InlineData("watercolor animation, soft morning light", "watercolor animation, soft morning light")]
    [InlineData("水墨动画，淡雅的青绿色调", "水墨动画，淡雅的青绿色调")]
    public void FromValue_StyleField_IsItsPhraseOrAllOfIt(string value, string style)
    {
        StylePhrases.FromValue(value).Should().Be(style);
    }

    [Theory]
    [InlineData("English and Chinese", new[] { "en", "zh-CN" })]
    [InlineData("中文、英文", new[] { "zh-CN", "en" })]
    [InlineData("中英双语", new[] { "zh-CN", "en" })]
    [InlineData("zh-CN, en", new[] { "zh-CN", "en" })]
    [InlineData("Traditional Chinese and Japanese", new[] { "zh-TW", "ja" })]
    public void Read_LanguageNames_AreTagsInOrder(string text, string[] tags)
    {
        LanguageNames.Read(text).Should().Equal(tags);
    }

    [Theory]
    [InlineData("VO: \"Every morning.\"", "Caption", "\"Every morning.\"")]
    [InlineData("旁白：千年的水。", "Caption", "千年的水。")]
    [InlineData("Visual: Steam rises.", "Picture", "Steam rises.")]
    [InlineData("Shot 3: A rider in the rain.", "Picture", "A rider in the rain.")]
    [InlineData("Shot 1 (0-5s): A rider in the rain.", "Picture", "A rider in the rain.")]
    [InlineData("镜头2：航拍古镇", "Picture", "航拍古镇")]
    [InlineData("Runtime: 1:30", "Length", "1:30")]
    [InlineData("Client: Hangzhou Bureau", "Note", "Hangzhou Bureau")]
    [InlineData("SFX: a gong", "Sound", "a gong")]
    [InlineData("Dawn: mist wraps the bridge.", "None", "Dawn: mist wraps the bridge.")]
    public void Read_LabelledLine_IsItsKindAndValue(string line, string kind, string value)
    {
        BriefCues.Read(line).Should().Be((Enum.Parse<CueKind>(kind), value));
    }
}
