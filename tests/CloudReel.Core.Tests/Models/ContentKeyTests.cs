using CloudReel.Core.Models;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Tests.Models;

public class ContentKeyTests
{
    private static readonly ShotRequest Request = new()
    {
        Prompt = "The Bund at dusk",
        ShotText = "The Bund at dusk",
        Seconds = 5,
        Size = new FrameSize(1280, 720),
        Seed = 42,
        References = [new ReferenceImage("orders/f/refs/bund.jpg", new string('1', 64))],
    };

    [Fact]
    public void For_SameInputs_SameKeyInAnyFilm()
    {
        var other = Request with { References = [new ReferenceImage("orders/another-film/bund.jpg", new string('1', 64))] };

        ContentKey.For("kling", "2.1", other).Should().Be(ContentKey.For("kling", "2.1", Request), "a reference is known by its content, not its path");
        ContentKey.For("kling", "2.1", Request).Should().MatchRegex("^[0-9a-f]{64}$");
    }

    public static TheoryData<string, string, ShotRequest> Variations() => new()
    {
        { "kling", "2.1", Request with { Prompt = "The Bund at dawn" } },
        { "kling", "2.1", Request with { Seconds = 10 } },
        { "kling", "2.1", Request with { Size = new FrameSize(720, 1280) } },
        { "kling", "2.1", Request with { Seed = 43 } },
        { "kling", "2.1", Request with { References = [] } },
        { "kling", "2.1", Request with { References = [new ReferenceImage("orders/f/refs/bund.jpg", new string('2', 64))] } },
        { "vidu", "2.1", Request },
        { "kling", "2.6", Request },
    };

    [Theory]
    [MemberData(nameof(Variations))]
    public void For_AnyDecidingFieldChanges_KeyChanges(string model, string version, ShotRequest request) =>
        ContentKey.For(model, version, request).Should().NotBe(ContentKey.For("kling", "2.1", Request));

    [Fact]
    public void For_ShotTextOrCameraOnly_DoNotChangeTheKeyBeyondThePrompt()
    {
        // The camera and the shot's words reach the model through the composed prompt, which is hashed.
        var same = Request with { ShotText = "other words", Camera = CameraMove.Orbit };

        ContentKey.For("kling", "2.1", same).Should().Be(ContentKey.For("kling", "2.1", Request));
    }
}
