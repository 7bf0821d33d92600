using System.Diagnostics;
using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests.Hostile;

/// <summary>Pictures, logos and sound files are read for what they hold before anything is spent, not trusted by their names.</summary>
public sealed class MediaContentTests : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(120);
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task Validate_TextNamedPng_EmptyLogo_AndCorruptMp3_EachRefusedAtItsLineAndField()
    {
        var order = _workspace.Write("order/order.yaml", """
            title: Pretenders
            music: theme.mp3
            logo: logo.png
            shots:
              - {id: one, prompt: a quiet harbour, seconds: 2, image: harbour.png}
            """);
        _workspace.Write("order/harbour.png", "this is a note, not a picture");
        _workspace.Write("order/logo.png", "");
        var corrupt = new byte[64 * 1024];
        new Random(7).NextBytes(corrupt);
        "ID3\u0004\0\0\0\0\0\0"u8.CopyTo(corrupt);
        await File.WriteAllBytesAsync(Path.Combine(_workspace.Root, "order", "theme.mp3"), corrupt);

        var result = await _workspace.Cli.RunAsync(Quick, "validate", order);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("order.yaml:2:8: music: theme.mp3 does not read as a sound file")
            .And.Contain("order.yaml:3:7: logo: logo.png is empty")
            .And.Contain("order.yaml:5:59: shots[0].image: harbour.png is not a PNG, JPEG or WebP picture");
    }

    [Fact]
    public async Task Validate_RealPictureAndSound_Accepted()
    {
        var order = _workspace.Write("order/order.yaml", """
            title: Genuine
            music: theme.m4a
            shots:
              - {id: one, prompt: a quiet harbour, seconds: 2, image: harbour.jpg}
            """);
        _workspace.CopyFromRepository("samples/shanghai-clay/refs/bund.jpg", "order/harbour.jpg");
        await MakeSoundAsync(Path.Combine(_workspace.Root, "order", "theme.m4a"));

        var result = await _workspace.Cli.RunAsync(Quick, "validate", order);

        result.ExitCode.Should().Be(0, result.ToString());
    }

    private static async Task MakeSoundAsync(string path)
    {
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", path]))!;
        await ffmpeg.WaitForExitAsync();
        ffmpeg.ExitCode.Should().Be(0);
    }

    public void Dispose() => _workspace.Dispose();
}
