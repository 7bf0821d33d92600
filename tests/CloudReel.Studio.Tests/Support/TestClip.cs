using System.Diagnostics;

namespace CloudReel.Studio.Tests.Support;

/// <summary>A small clip of one's own footage made here with FFmpeg (a moving test pattern), for replacing a shot with it.</summary>
internal static class TestClip
{
    /// <summary>Writes a 320x180, one-second H.264 MP4 to <paramref name="path"/>.</summary>
    public static async Task Mp4Async(string path)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=1",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart", path,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var ffmpeg = Process.Start(start)!;
        var errors = await ffmpeg.StandardError.ReadToEndAsync();
        await ffmpeg.WaitForExitAsync();
        if (ffmpeg.ExitCode != 0) throw new InvalidOperationException($"ffmpeg could not make the test clip: {errors}");
    }
}
