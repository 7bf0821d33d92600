using System.Diagnostics;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly.Captions;

namespace CloudReel.Media.Tests.Assembly;

/// <summary>The .srt captions read by players the way FFmpeg reads them: user text stays text, never markup.</summary>
public sealed class CaptionFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cloudreel-srt-tests", Guid.NewGuid().ToString("N"));

    public CaptionFileTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task ToSrt_TextWithAssAndHtmlMarkup_IsReadByFfmpegAsPlainText()
    {
        var track = new CaptionTrack("en", [new CaptionCue(0, 30, @"{\an8}Up <b>bold</b> <font color=""red"">red</font> a\Nb {x}")]);
        var srt = Path.Combine(_folder, "film.en.srt");
        await File.WriteAllTextAsync(srt, CaptionFileWriter.ToSrt(track, 30, 30));

        var dialogue = await DialogueTextAsync(srt);

        dialogue.Should().NotContain("{", "a brace opens an override block in libass: positioning, or hidden text")
            .And.NotContain(@"\N", "a line break the order did not ask for").And.NotContain("</");
        dialogue.Should().Contain("Up").And.Contain("bold").And.Contain("red").And.Contain("an8").And.Contain("x");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>FFmpeg's SRT decoder turns SRT markup into ASS override tags, as players that use it do.</summary>
    private async Task<string> DialogueTextAsync(string srt)
    {
        var ass = Path.Combine(_folder, "film.ass");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var arg in new[] { "-v", "error", "-y", "-i", srt, ass }) start.ArgumentList.Add(arg);
        using var ffmpeg = Process.Start(start)!;
        await ffmpeg.WaitForExitAsync();
        ffmpeg.ExitCode.Should().Be(0, await ffmpeg.StandardError.ReadToEndAsync());
        var line = (await File.ReadAllLinesAsync(ass)).Single(l => l.StartsWith("Dialogue:", StringComparison.Ordinal));
        return string.Join(',', line.Split(',').Skip(9));
    }
}
