using System.Security.Cryptography;
using CloudReel.Core.Media;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;

namespace CloudReel.Core.Tests.Orders;

/// <summary>A shot made of one's own clip (`clip`): checked for what it holds, its own length unless `seconds`, keyed by its bytes, no model, no cost.</summary>
public sealed class OwnClipOrderTests
{
    private static readonly byte[] Mp4 = [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, 1, 2, 3];

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6F, 0x6D }, "video/mp4")]
    [InlineData(new byte[] { 0, 0, 0, 0x14, 0x66, 0x74, 0x79, 0x70, 0x71, 0x74, 0x20, 0x20 }, "video/quicktime")]
    [InlineData(new byte[] { 0, 0, 0, 0x08, 0x77, 0x69, 0x64, 0x65, 0, 0, 0, 0 }, "video/quicktime")]
    [InlineData(new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 1, 0x42, 0xF7, 0x81 }, "video/webm")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, null)]
    public void VideoTypeOf_TellsTheContainerByItsFirstBytes(byte[] start, string? expected) =>
        MediaSniffer.VideoTypeOf(start).Should().Be(expected);

    [Fact]
    public async Task Load_ClipShotWithoutPrompt_IsValid_AndAsksNoModelForItsLength()
    {
        // sora-2 offers only 4, 8 or 12 s: a clip of 3 s is not its to make.
        var order = await LoadValidAsync(Order("model: sora-2", "  - {id: own, clip: own/quay.mp4, seconds: 3}"), Files());

        var shot = order.Shots[0];
        (shot.Clip, shot.Prompt, shot.Seconds).Should().Be(("own/quay.mp4", "", 3.0));
        order.ReferencedFiles().Should().Contain(("shots[0].clip", "own/quay.mp4"));
    }

    [Theory]
    [InlineData(3.456, 3.45)]
    [InlineData(75.0, 60.0)]
    [InlineData(0.4, 1.0)]
    public async Task Load_ClipShotWithoutSeconds_LastsAsLongAsItsClip_WithinAShotsLimits(double clipSeconds, double expected)
    {
        var probe = new LengthProbe(clipSeconds);

        var order = await LoadValidAsync(Order("model: animatic", "  - {id: own, clip: own/quay.mp4}"), Files(), probe);

        order.Shots[0].Seconds.Should().Be(expected);
    }

    [Fact]
    public async Task Load_ClipShotWithSeconds_KeepsThem_WithoutMeasuringTheClip()
    {
        var probe = new LengthProbe(9);

        var order = await LoadValidAsync(Order("model: animatic", "  - {id: own, clip: own/quay.mp4, seconds: 2}"), Files(), probe);

        order.Shots[0].Seconds.Should().Be(2);
        probe.Measured.Should().Be(0);
    }

    [Fact]
    public async Task Load_ClipWithWhatOnlySteersAModel_RefusesEachAtItsField()
    {
        var result = await Load(Order("model: animatic", "  - {id: own, clip: own/quay.mp4, model: animatic, seed: 4, image: own/quay.png}"), Files());

        result.Errors.Select(e => (e.Field, e.Message)).Should().BeEquivalentTo(new[]
        {
            ("shots[0].model", "'model' can't be given together with 'clip'"),
            ("shots[0].seed", "'seed' can't be given together with 'clip'"),
            ("shots[0].image", "'image' can't be given together with 'clip'"),
        });
        result.Errors.Should().OnlyContain(e => e.Line == 4);
    }

    [Fact]
    public async Task Load_ShotWithNeitherPromptNorClip_NeedsAPrompt()
    {
        var error = (await Load(Order("model: animatic", "  - {id: own, seconds: 2}"), Files())).Errors.Should().ContainSingle().Which;

        error.Field.Should().Be("shots[0].prompt");
        error.Message.Should().StartWith("missing required field 'prompt' (needed unless the shot has 'clip')");
    }

    [Fact]
    public async Task Load_TextNamedMp4_RefusedForWhatItHolds()
    {
        var files = new MemoryOrderSource().With("own/quay.mp4", "<html>not found</html>"u8.ToArray());

        var error = (await Load(Order("model: animatic", "  - {id: own, clip: own/quay.mp4}"), files)).Errors.Should().ContainSingle().Which;

        (error.Field, error.Line, error.Message).Should().Be(("shots[0].clip", 4, "own/quay.mp4 is not an MP4, MOV or WebM video, whatever its name says"));
    }

    [Fact]
    public async Task Write_ClipShot_ReadsBackTheSame_WithItsLengthWrittenOut()
    {
        var order = await LoadValidAsync(Order("model: animatic", "  - {id: own, clip: own/quay.mp4}", "  - {id: sea, prompt: The sea}"), Files(), new LengthProbe(2.5));

        var text = OrderYamlWriter.Write(order);
        var again = await LoadValidAsync(text, Files());

        text.Should().Contain("seconds: 2.5").And.Contain("clip: own/quay.mp4");
        again.Shots[0].Should().BeEquivalentTo(order.Shots[0]);
    }

    [Fact]
    public async Task Cast_ClipShot_GoesToNoModel_KeyedByItsBytes_AtNoCost()
    {
        var order = await LoadValidAsync(Order("model: kling-v2-1", "  - {id: own, clip: own/quay.mp4}", "  - {id: sea, prompt: The sea, seconds: 4}"), Files());
        var priced = OrderTestKit.Models.ToDictionary(m => m.Key, m => m.Value with { PricePerSecond = 0.1m });
        var sha = Convert.ToHexStringLower(SHA256.HashData(Mp4));

        var plan = ShotCasting.Cast(order, priced, new Dictionary<string, string> { ["own/quay.mp4"] = sha });

        var own = plan.Shots[0];
        own.Chain.Should().BeEmpty();
        own.Own.Should().Be(new OwnClip("own/quay.mp4", sha, ContentKey.ForOwnClip(sha)));
        ContentKey.ForOwnClip(sha).Should().NotBe(ContentKey.ForOwnClip(new string('0', 64)));
        plan.EstimatedCost.Should().Be(plan.Shots[1].Chain[0].EstimatedCost).And.BeGreaterThan(0);
        plan.ModelConcurrency.Keys.Should().Equal("kling-v2-1");
    }

    private static string Order(string model, params string[] shots) => OrderTestKit.Lines(["title: T", model, "shots:", .. shots]);

    private static MemoryOrderSource Files() => new MemoryOrderSource().With("own/quay.mp4", Mp4).With("own/quay.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);

    private static Task<OrderLoadResult> Load(string text, MemoryOrderSource files, IMediaFileProbe? probe = null) =>
        new OrderLoader(files, OrderTestKit.Models, probe: probe).LoadAsync(text, "order.yaml");

    private static async Task<FilmOrder> LoadValidAsync(string text, MemoryOrderSource files, IMediaFileProbe? probe = null)
    {
        var result = await Load(text, files, probe);
        result.Errors.Should().BeEmpty();
        return result.Order!;
    }
}

/// <summary>Finds every file whole, and every clip <paramref name="seconds"/> long.</summary>
internal sealed class LengthProbe(double seconds) : IMediaFileProbe
{
    public int Measured { get; private set; }

    public Task<string?> ProblemWithAsync(Stream content, MediaFileKind kind, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

    public Task<double?> VideoSecondsAsync(Stream content, CancellationToken cancellationToken = default)
    {
        Measured++;
        return Task.FromResult<double?>(seconds);
    }
}
