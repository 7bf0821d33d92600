using CloudReel.Core.Orders;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Tests.Orders;

/// <summary>A picture or sound file is checked for what it holds, not its name, before anything is spent.</summary>
public sealed class OrderMediaContentTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3];
    private static readonly byte[] Mp3 = [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4];

    private static readonly string Order = OrderTestKit.Lines(
        "title: T",
        "model: animatic",
        "music: song.mp3",
        "shots:",
        "  - {id: kite, prompt: a kite over the sea, seconds: 2, image: kite.png}");

    [Fact]
    public async Task Validate_TextFileNamedPngAndMp3_EachRefusedAtItsFieldForWhatItHolds()
    {
        var files = new MemoryOrderSource().With("kite.png", "not a picture at all"u8.ToArray()).With("song.mp3", "<html>not found</html>"u8.ToArray());

        var errors = (await Load(files)).Errors;

        errors.Should().Contain(e => e.Field == "shots[0].image" && e.Line == 5 && e.Message.Contains("kite.png is not a PNG, JPEG or WebP picture"));
        errors.Should().Contain(e => e.Field == "music" && e.Line == 3 && e.Message.Contains("song.mp3 is not an MP3"));
    }

    [Fact]
    public async Task Validate_EmptyPicture_RefusedAsEmpty()
    {
        var files = new MemoryOrderSource().With("kite.png", []).With("song.mp3", Mp3);

        var error = (await Load(files)).Errors.Should().ContainSingle().Which;

        (error.Field, error.Message).Should().Be(("shots[0].image", "kite.png is empty"));
    }

    [Fact]
    public async Task Validate_SoundThatStartsRightButDoesNotReadThrough_RefusedWithTheProbesReason()
    {
        var files = new MemoryOrderSource().With("kite.png", Png).With("song.mp3", Mp3);
        var probe = new RefusingSoundProbe();

        var error = (await Load(files, probe)).Errors.Should().ContainSingle().Which;

        (error.Field, error.Message).Should().Be(("music", "song.mp3 does not read as a sound file to its end: invalid frame"));
        probe.Asked.Should().BeEquivalentTo([MediaFileKind.Picture, MediaFileKind.Sound]);
    }

    [Fact]
    public async Task Validate_RealSignatures_Accepted()
    {
        var files = new MemoryOrderSource().With("kite.png", Png).With("song.mp3", Mp3);

        (await Load(files)).Errors.Should().BeEmpty();
    }

    private static Task<OrderLoadResult> Load(MemoryOrderSource files, IMediaFileProbe? probe = null) =>
        new OrderLoader(files, OrderTestKit.Models, probe: probe).LoadAsync(Order, "order.yaml");

    private sealed class RefusingSoundProbe : IMediaFileProbe
    {
        public List<MediaFileKind> Asked { get; } = [];

        public Task<string?> ProblemWithAsync(Stream content, MediaFileKind kind, CancellationToken cancellationToken = default)
        {
            Asked.Add(kind);
            return Task.FromResult(kind == MediaFileKind.Sound ? "does not read as a sound file to its end: invalid frame" : null);
        }

        public Task<double?> VideoSecondsAsync(Stream content, CancellationToken cancellationToken = default) => Task.FromResult<double?>(null);
    }
}
