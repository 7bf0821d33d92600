using CloudReel.Core.Orders;
using CloudReel.Core.Speech;
using CloudReel.Core.Tests.Workflow;
using CloudReel.Core.Text;

namespace CloudReel.Core.Tests.Voices;

/// <summary>A spoken sentence too wide for one caption: cut into cues inside its measured span, and the other language on the same cues.</summary>
public class LongSentenceCaptionTests
{
    // One sentence of 60 CJK characters (120 columns; a caption holds 84), with commas between its clauses.
    private const string Chinese = "黄昏时分的外滩，老建筑一栋接着一栋亮起了金色的灯光，江面上的游船慢慢驶过，对岸陆家嘴的高楼也开始闪烁，整座城市在夜色中苏醒过来了。";
    private const string English = "At dusk on the Bund the old buildings light up one after another in gold, the river boats drift slowly past, the towers of Lujiazui across the water begin to sparkle, and the whole city wakes up into the night.";

    [Fact]
    public async Task Speak_SentenceWiderThanACaption_IsCutIntoCuesInsideItsSpeech_AndEnglishFollowsTheSameCues()
    {
        var (speech, _, _) = ShotSpeechTests.Make();
        var order = new FilmOrder
        {
            Title = "T",
            Languages = ["zh-CN", "en"],
            Shots = [new() { Id = "bund", Prompt = "p", Seconds = 10, Narration = new Dictionary<string, string> { ["zh-CN"] = Chinese, ["en"] = English } }],
        };

        var shot = (await speech.SpeakAsync(order, CancellationToken.None)).Shots.Single();

        // The fake speaks 0.1 s a character: the sentence is heard from the 0.25 s lead-in to its end.
        var heardFrom = ShotSpeech.LeadSeconds;
        var heardTo = ShotSpeech.LeadSeconds + (Chinese.Length * 0.1);
        var zh = shot.Captions.Where(c => c.Language == "zh-CN").ToList();
        zh.Should().HaveCountGreaterThan(1);
        zh.Should().OnlyContain(c => DisplayWidth.Of(c.Text) <= TextRules.MaxCaptionWidth);
        string.Concat(zh.Select(c => c.Text)).Should().Be(Chinese);
        zh[0].Start.Should().BeApproximately(heardFrom, 1e-6);
        zh[^1].End.Should().BeApproximately(heardTo, 1e-6);
        zh.Zip(zh.Skip(1)).Should().OnlyContain(p => Math.Abs(p.First.End - p.Second.Start) < 1e-9, "the cues follow one another inside the sentence");
        zh.Should().OnlyContain(c => c.End > c.Start);
        zh[0].Text.Should().EndWith("，", "the cut falls after a clause");
        // Proportional: each cue lasts as long as its share of the sentence's characters.
        zh.Should().OnlyContain(c => Math.Abs((c.End - c.Start) - (c.Text.Length * 0.1)) < 1e-6);

        var en = shot.Captions.Where(c => c.Language == "en").ToList();
        en.Select(c => (c.Start, c.End)).Should().Equal(zh.Select(c => (c.Start, c.End)));
        string.Join(" ", en.Select(c => c.Text)).Should().Be(English, "every English word is shown once, none cut");
        en[0].Text.Should().StartWith("At dusk on the Bund").And.NotEndWith(" ");
    }

    [Fact]
    public void Cut_LongEnglishSentence_CutsBetweenWordsOnly()
    {
        var pieces = CaptionCuts.Cut(English, 84);

        pieces.Should().HaveCountGreaterThan(2);
        pieces.Should().OnlyContain(p => p.Length <= 84 && p == p.Trim());
        string.Join(" ", pieces).Should().Be(English);
        CaptionCuts.Cut("Short and sweet.", 84).Should().Equal("Short and sweet.");
    }
}
