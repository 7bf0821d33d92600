using CloudReel.Core.Orders;

namespace CloudReel.Core.Tests.Orders;

public class SuggestionsTests
{
    private static readonly string[] ShotFields = OrderFormat.Shot.Fields.Select(f => f.Name).ToArray();

    [Theory]
    [InlineData("secnds", "seconds")]
    [InlineData("sceonds", "seconds")]
    [InlineData("Seconds", "seconds")]
    [InlineData("PROMPT", "prompt")]
    [InlineData("captions", "caption")]
    [InlineData("camra", "camera")]
    [InlineData("transitions", "transition")]
    [InlineData("imagePath", "image")]
    [InlineData("mdl", "model")]
    public void Closest_Typo_FindsTheField(string written, string expected)
    {
        Suggestions.Closest(written, ShotFields).Should().Be(expected);
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("ab")]
    [InlineData("duration")]
    public void Closest_NothingNear_ReturnsNull(string written)
    {
        Suggestions.Closest(written, ShotFields).Should().BeNull();
    }

    [Fact]
    public void Closest_ShortValuesTwoEditsApart_AreNotSuggested()
    {
        Suggestions.Closest("4:3", ["16:9", "9:16", "1:1"]).Should().BeNull();
    }

    [Fact]
    public void Closest_Prefix_FindsTheLongerName()
    {
        Suggestions.Closest("timeout", ["required", "timeoutHours"]).Should().Be("timeoutHours");
    }

    [Fact]
    public void Hint_CloseName_IsPhrasedAsAQuestion()
    {
        Suggestions.Hint("fsp", ["fps", "title"]).Should().Be("; did you mean 'fps'?");
        Suggestions.Hint("zzz", ["fps", "title"]).Should().BeEmpty();
    }

    [Theory]
    [InlineData("seconds", "secnds", 1)]
    [InlineData("seconds", "sceonds", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_CountsInsertsDeletesReplacesAndSwaps(string a, string b, int distance)
    {
        Suggestions.Distance(a, b).Should().Be(distance);
    }
}
