using CloudReel.Media.Ffmpeg;

namespace CloudReel.Media.Tests.Ffmpeg;

public sealed class FfmpegToolsTests
{
    [Fact]
    public void Locate_NothingOnPath_ThrowsWithInstallHint()
    {
        var locate = () => FfmpegTools.Locate(name => name == "PATH" ? "/nonexistent-dir" : null);

        locate.Should().Throw<FfmpegNotFoundException>()
            .WithMessage("FFmpeg was not found. Run infra/scripts/install-prereqs.sh (or apt-get install ffmpeg)*");
    }

    [Fact]
    public void Locate_ExplicitPathMissing_DoesNotFallBackToPath()
    {
        var locate = () => FfmpegTools.Locate(name => name switch
        {
            "FFMPEG_PATH" => "/nonexistent/ffmpeg",
            "PATH" => Environment.GetEnvironmentVariable("PATH"),
            _ => null,
        });

        locate.Should().Throw<FfmpegNotFoundException>().WithMessage("*ffmpeg*");
    }

    [Fact]
    public void Locate_FromPath_FindsBothTools()
    {
        var tools = FfmpegTools.Locate();

        File.Exists(tools.FfmpegPath).Should().BeTrue();
        File.Exists(tools.FfprobePath).Should().BeTrue();
    }
}
