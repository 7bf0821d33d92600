using CloudReel.Core.Orders;
using CloudReel.Core.Planning;

namespace CloudReel.Core.Tests.Planning;

public class PromptComposerTests
{
    [Theory]
    [InlineData("The Bund at dusk", "The Bund at dusk. Slow push-in towards the subject. Style: watercolor.")]
    [InlineData("The Bund at dusk.", "The Bund at dusk. Slow push-in towards the subject. Style: watercolor.")]
    [InlineData("What a view!", "What a view! Slow push-in towards the subject. Style: watercolor.")]
    [InlineData("Is it raining?", "Is it raining? Slow push-in towards the subject. Style: watercolor.")]
    [InlineData("The lanterns, glowing,", "The lanterns, glowing. Slow push-in towards the subject. Style: watercolor.")]
    [InlineData("  Boats \n\n drift   slowly ", "Boats drift slowly. Slow push-in towards the subject. Style: watercolor.")]
    [InlineData("She says \"Wait.\"", "She says \"Wait.\" Slow push-in towards the subject. Style: watercolor.")]
    public void Compose_LatinPrompt_EndsEachPartOnce(string prompt, string expected)
    {
        PromptComposer.Compose("watercolor", prompt, CameraMove.PushIn).Should().Be(expected);
    }

    [Theory]
    [InlineData("夕阳下的外滩", "夕阳下的外滩。Smooth pan to the right. Style: watercolor.")]
    [InlineData("夕阳下的外滩。", "夕阳下的外滩。Smooth pan to the right. Style: watercolor.")]
    [InlineData("多美的夜景！", "多美的夜景！Smooth pan to the right. Style: watercolor.")]
    [InlineData("下雨了吗？", "下雨了吗？Smooth pan to the right. Style: watercolor.")]
    public void Compose_CjkPrompt_EndsWithFullwidthStop(string prompt, string expected)
    {
        PromptComposer.Compose("watercolor", prompt, CameraMove.PanRight).Should().Be(expected);
    }

    [Fact]
    public void Compose_EmptyStyle_LeavesTheStylePartOut()
    {
        PromptComposer.Compose(" ", "A pier at night", CameraMove.Static).Should().Be("A pier at night. Static camera, locked-off shot.");
    }

    [Fact]
    public void Compose_StyleEndingWithStop_IsNotDoubled()
    {
        PromptComposer.Compose("clay animation.", "A pier", CameraMove.Static).Should().EndWith("Style: clay animation.");
    }

    [Fact]
    public void SeedFor_SamePrompt_GivesTheSameNonNegative31BitSeed()
    {
        var prompt = PromptComposer.Compose("watercolor", "The Bund at dusk", CameraMove.PushIn);

        var seed = PromptComposer.SeedFor(prompt);

        seed.Should().Be(PromptComposer.SeedFor(new string(prompt.AsSpan())));
        seed.Should().BeInRange(0, int.MaxValue);
        PromptComposer.SeedFor(prompt + " ").Should().NotBe(seed);
    }

    [Fact]
    public void SeedFor_KnownPrompt_IsPinnedSoCachedClipsStayValid()
    {
        // First four bytes of SHA-256("abc") are ba 78 16 bf; the top bit is cleared.
        PromptComposer.SeedFor("abc").Should().Be(0x3A7816BF);
    }
}
