using System.Globalization;
using System.Text.Json;
using CloudReel.Media.Ffmpeg;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Media.Tests.Support;

/// <summary>A temp folder per test class, with helpers that make tiny fixture clips and inspect results.</summary>
public sealed class TestMedia : IDisposable
{
    public TestMedia()
    {
        Directory = Path.Combine(Path.GetTempPath(), "cloudreel-media-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Runner = new FfmpegRunner(FfmpegTools.Locate(), NullLogger<FfmpegRunner>.Instance);
    }

    public string Directory { get; }

    public FfmpegRunner Runner { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>A testsrc2 clip with an optional sine track.</summary>
    public async Task<string> ClipAsync(string name, int width = 320, int height = 180, int fps = 30, double seconds = 1, bool audio = true, string? sar = null, int frequency = 440, string? source = null)
    {
        var path = PathOf(name);
        var video = source ?? $"testsrc2=s={width}x{height}:r={fps}:d={Inv(seconds)}";
        List<string> args = ["-y", "-f", "lavfi", "-i", video];
        if (audio) args.AddRange(["-f", "lavfi", "-i", $"sine=f={frequency}:d={Inv(seconds)}:sample_rate=44100"]);
        if (sar is not null) args.AddRange(["-vf", $"setsar={sar}"]);
        args.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "15"]);
        if (audio) args.AddRange(["-c:a", "aac", "-b:a", "64k"]);
        args.AddRange(["-t", Inv(seconds), "-f", "mp4", path]);
        await Runner.RunAsync(args);
        return path;
    }

    /// <summary>A solid-colour clip: easy to recognise in decoded pixels.</summary>
    public Task<string> ColourClipAsync(string name, string colour, double seconds = 1, int width = 320, int height = 180, int fps = 30, bool audio = false, int frequency = 440) =>
        ClipAsync(name, width, height, fps, seconds, audio, frequency: frequency, source: $"color=c={colour}:s={width}x{height}:r={fps}:d={Inv(seconds)}");

    /// <summary>A sine tone (mono source, stereo AAC or WAV by extension), optionally in bursts: on for <paramref name="burst"/> seconds, then off as long.</summary>
    public async Task<string> ToneAsync(string name, int frequency, double seconds, double volume = 0.5, double? burst = null)
    {
        var path = PathOf(name);
        var gate = burst is { } b ? $",volume='if(lt(mod(t,{Inv(2 * b)}),{Inv(b)}),1,0)':eval=frame" : "";
        await Runner.RunAsync(["-y", "-f", "lavfi", "-i", $"sine=f={frequency}:d={Inv(seconds)}:sample_rate=48000", "-af", $"volume={Inv(volume)}{gate}", "-ac", "2", path]);
        return path;
    }

    /// <summary>A PNG logo: an opaque magenta square on a transparent field.</summary>
    public async Task<string> LogoAsync(string name, int width = 100, int height = 50)
    {
        var path = PathOf(name);
        await Runner.RunAsync(["-y", "-f", "lavfi", "-i", $"color=c=magenta:s={width}x{height}", "-vf", "format=rgba", "-frames:v", "1", path]);
        return path;
    }

    public async Task<string> ImageAsync(string name, int width = 480, int height = 360)
    {
        var path = PathOf(name);
        await Runner.RunAsync(["-y", "-f", "lavfi", "-i", $"testsrc2=s={width}x{height}", "-frames:v", "1", path]);
        return path;
    }

    public async Task<IReadOnlyList<StreamInfo>> StreamsAsync(string path)
    {
        var json = await Runner.ProbeAsync(["-v", "error", "-count_frames", "-print_format", "json", "-show_streams", path]);
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("streams").EnumerateArray().Select(s => new StreamInfo(
            s.GetProperty("codec_type").GetString()!,
            double.Parse(s.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture),
            s.TryGetProperty("nb_read_frames", out var n) ? long.Parse(n.GetString()!, CultureInfo.InvariantCulture) : 0,
            s.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
            s.TryGetProperty("height", out var h) ? h.GetInt32() : 0,
            s.TryGetProperty("r_frame_rate", out var r) ? r.GetString()! : "",
            s.TryGetProperty("pix_fmt", out var p) ? p.GetString()! : "",
            s.TryGetProperty("sample_aspect_ratio", out var sar) ? sar.GetString()! : "")).ToList();
    }

    /// <summary>Decoded RGB bytes of one frame, optionally of a region (x, y, w, h).</summary>
    public async Task<byte[]> FrameRgbAsync(string path, int frame, (int X, int Y, int W, int H)? region = null)
    {
        var output = PathOf($"frame-{Guid.NewGuid():N}.rgb");
        var filter = $"select=eq(n\\,{frame})";
        if (region is { } r) filter += $",crop={r.W}:{r.H}:{r.X}:{r.Y}";
        await Runner.RunAsync(["-y", "-i", path, "-vf", filter, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", output]);
        return await File.ReadAllBytesAsync(output);
    }

    /// <summary>Average colour of a frame region.</summary>
    public async Task<(double R, double G, double B)> AverageRgbAsync(string path, int frame, (int X, int Y, int W, int H)? region = null)
    {
        var bytes = await FrameRgbAsync(path, frame, region);
        double r = 0, g = 0, b = 0;
        for (var i = 0; i < bytes.Length; i += 3)
        {
            r += bytes[i];
            g += bytes[i + 1];
            b += bytes[i + 2];
        }

        var pixels = bytes.Length / 3.0;
        return (r / pixels, g / pixels, b / pixels);
    }

    /// <summary>One MD5 per decoded frame: equal lists mean identical pictures.</summary>
    public async Task<IReadOnlyList<string>> FrameHashesAsync(string path)
    {
        var output = PathOf($"hashes-{Guid.NewGuid():N}.txt");
        await Runner.RunAsync(["-y", "-i", path, "-map", "0:v:0", "-f", "framemd5", output]);
        return (await File.ReadAllLinesAsync(output)).Where(l => !l.StartsWith('#')).Select(l => l.Split(',')[^1].Trim()).ToList();
    }

    /// <summary>Integrated loudness (LUFS) and true peak (dBTP) of a file's sound, by FFmpeg's ebur128.</summary>
    public async Task<(double Lufs, double TruePeak)> LoudnessAsync(string path)
    {
        var lines = new List<string>();
        await Runner.RunAsync(["-v", "info", "-i", path, "-vn", "-af", "ebur128=peak=true", "-f", "null", "-"], null, line => { lock (lines) lines.Add(line); });
        var summary = lines.FindLastIndex(l => l.Contains("Summary:", StringComparison.Ordinal));
        double Value(string key) => double.Parse(lines.Skip(summary).First(l => l.TrimStart().StartsWith(key, StringComparison.Ordinal)).Trim()[key.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
        return (Value("I:"), Value("Peak:"));
    }

    /// <summary>Mean level (dBFS) of the sound between two times, in a band around <paramref name="frequency"/> when given.</summary>
    public async Task<double> MeanVolumeAsync(string path, double from, double to, int? frequency = null)
    {
        var band = frequency is { } f ? $",bandpass=f={f}:width_type=q:w=8,bandpass=f={f}:width_type=q:w=8" : "";
        var tail = (await Runner.RunAsync(["-v", "info", "-i", path, "-vn", "-af", $"atrim={Inv(from)}:{Inv(to)}{band},volumedetect", "-f", "null", "-"])).StderrTail;
        var line = tail.Last(l => l.Contains("mean_volume:", StringComparison.Ordinal));
        return double.Parse(line[(line.IndexOf("mean_volume:", StringComparison.Ordinal) + 12)..].Replace("dB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>PSNR (average and minimum over frames, dB) of one film's picture against another's.</summary>
    public async Task<(double Average, double Minimum)> PsnrAsync(string film, string reference)
    {
        var tail = (await Runner.RunAsync(["-v", "info", "-i", film, "-i", reference, "-lavfi", "[0:v][1:v]psnr", "-f", "null", "-"])).StderrTail;
        var line = tail.Last(l => l.Contains("PSNR", StringComparison.Ordinal));
        double Value(string key) => double.Parse(line[(line.IndexOf(key, StringComparison.Ordinal) + key.Length)..].Split(' ')[0], CultureInfo.InvariantCulture);
        return (Value("average:"), Value("min:"));
    }

    /// <summary>The file's format tags, as ffprobe reads them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TagsAsync(string path)
    {
        using var doc = JsonDocument.Parse(await Runner.ProbeAsync(["-v", "error", "-show_entries", "format_tags", "-of", "json", path]));
        return doc.RootElement.GetProperty("format").TryGetProperty("tags", out var tags)
            ? tags.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : new Dictionary<string, string>();
    }

    /// <summary>Decoded gray bytes (luma) of one frame.</summary>
    public async Task<byte[]> FrameGrayAsync(string path, int frame)
    {
        var output = PathOf($"frame-{Guid.NewGuid():N}.gray");
        await Runner.RunAsync(["-y", "-i", path, "-vf", $"select=eq(n\\,{frame})", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", output]);
        return await File.ReadAllBytesAsync(output);
    }

    /// <summary>Peak level (dBFS) of the sound between two times.</summary>
    public async Task<double> MaxVolumeAsync(string path, double from, double to)
    {
        var tail = (await Runner.RunAsync(["-v", "info", "-i", path, "-vn", "-af", $"atrim={Inv(from)}:{Inv(to)},volumedetect", "-f", "null", "-"])).StderrTail;
        var line = tail.Last(l => l.Contains("max_volume:", StringComparison.Ordinal));
        var value = line[(line.IndexOf("max_volume:", StringComparison.Ordinal) + 11)..].Replace("dB", "", StringComparison.Ordinal).Trim();
        return double.Parse(value, CultureInfo.InvariantCulture);
    }

    public static string Inv(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed record StreamInfo(string Type, double Duration, long Frames, int Width, int Height, string FrameRate, string PixelFormat, string SampleAspectRatio);
