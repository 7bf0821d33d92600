using static CloudReel.Core.Tests.Orders.OrderTestKit;

namespace CloudReel.Core.Tests.Orders;

/// <summary>Terminal and bidi controls in an order: refused where they stand, never echoed raw in an error.</summary>
public class OrderControlCharacterTests
{
    [Theory]
    [InlineData("\u001b[2J\u001b]0;pwned\u0007Harbour", "U+001B")]
    [InlineData("Harbour \u202Egnp.exe", "U+202E")]
    public async Task LoadAsync_TitleWithAControlCharacter_IsRefusedAtTheTitle(string title, string named)
    {
        var error = await SingleErrorAsync(Lines("title: \"" + title.Replace("\u001b", "\\e", StringComparison.Ordinal).Replace("\u0007", "\\a", StringComparison.Ordinal) + "\"", "shots:", "  - {id: a, prompt: p}"));

        error.Field.Should().Be("title");
        error.Line.Should().Be(1);
        error.Message.Should().Contain(named);
        error.Message.Should().NotContain("\u001b").And.NotContain("\u202E");
    }

    [Fact]
    public async Task LoadAsync_UnknownValueWithControls_IsEchoedEscaped()
    {
        var error = await SingleErrorAsync(Lines("title: T", "shots:", "  - {id: a, prompt: p, camera: \"zo\\eom\\u202E\"}"));

        error.Field.Should().Be("shots[0].camera");
        error.Message.Should().Contain("\\u001B").And.NotContain("\u001b").And.NotContain("\u202E");
    }
}
