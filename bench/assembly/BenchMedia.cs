using CloudReel.Media.Ffmpeg;

namespace CloudReel.Bench.Assembly;

/// <summary>The benchmark's own media, made once and kept between runs: 1080p30 clips with grain and sound, and a music bed.</summary>
internal sealed class BenchMedia(FfmpegRunner runner, string folder)
{
    public async Task<IReadOnlyList<string>> ClipsAsync(int count, double seconds, int width, int height, int fps)
    {
        Directory.CreateDirectory(folder);
        var clips = new List<string>();
        for (var i = 0; i < count; i++)
        {
            // Twelve looks repeat: a long film reuses them under different names, as a real one would not share clips.
            var look = i % 12;
            var path = Path.Combine(folder, $"clip-{width}x{height}-{i:D3}.mp4");
            clips.Add(path);
            if (File.Exists(path)) continue;
            File.Copy(await LookAsync(look * 30, 220 + (look * 40), seconds, width, height, fps), path);
        }

        return clips;
    }

    /// <summary>A clip unlike any of <see cref="ClipsAsync"/>' (its own hue and tone): a shot replaced by a new take.</summary>
    public Task<string> ReplacementAsync(double seconds, int width, int height, int fps) => LookAsync(15, 1000, seconds, width, height, fps);

    private async Task<string> LookAsync(int hue, int frequency, double seconds, int width, int height, int fps)
    {
        Directory.CreateDirectory(folder);
        var source = Path.Combine(folder, Inv($"look-{width}x{height}-h{hue}-f{frequency}-{seconds:0.##}s.mp4"));
        if (File.Exists(source)) return source;
        await runner.RunAsync(
        [
            "-y", "-f", "lavfi", "-i", Inv($"testsrc2=s={width}x{height}:r={fps}:d={seconds},hue=h={hue},noise=alls=4:allf=t"),
            "-f", "lavfi", "-i", Inv($"sine=f={frequency}:d={seconds}:sample_rate=48000"),
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-g", Inv($"{fps}"), "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "128k", "-shortest", source,
        ]);
        return source;
    }

    public async Task<string> MusicAsync(double seconds)
    {
        var path = Path.Combine(folder, Inv($"music-{seconds:0}s.m4a"));
        if (File.Exists(path)) return path;
        await runner.RunAsync(
        [
            "-y", "-f", "lavfi", "-i", Inv($"sine=f=110:d={seconds}:sample_rate=48000"), "-f", "lavfi", "-i", Inv($"anoisesrc=c=pink:a=0.05:d={seconds}:r=48000"),
            "-filter_complex", "[0:a][1:a]amix=inputs=2,volume=2", "-ac", "2", "-c:a", "aac", "-b:a", "128k", path,
        ]);
        return path;
    }

    public static string Inv(FormattableString text) => FormattableString.Invariant(text);
}
