using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace CloudReel.Testing.Fakes;

/// <summary>
/// Real, tiny MP4 clips (160x90, 15 fps, H.264 + AAC) made once per length with FFmpeg and kept
/// for the test run: what a fake service hands out as its generated video.
/// </summary>
public static class FakeClips
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Made = new(StringComparer.Ordinal);
    private static readonly string Folder = Directory.CreateTempSubdirectory("cloudreel-fake-clips-").FullName;

    public static byte[] Of(double seconds) => Made.GetOrAdd(Key(seconds), key => new Lazy<byte[]>(() => Make(seconds, key, frozen: false))).Value;

    /// <summary>A clip of the length asked for whose picture is one frame held to the end: a take that froze.</summary>
    public static byte[] Frozen(double seconds) =>
        Made.GetOrAdd("frozen-" + Key(seconds), key => new Lazy<byte[]>(() => Make(seconds, key, frozen: true))).Value;

    /// <summary>The first part of a clip only: an MP4 cut off before its end (what a broken upload leaves).</summary>
    public static byte[] Truncated(double seconds)
    {
        var whole = Of(seconds);
        return whole[..(whole.Length / 3)];
    }

    /// <summary>A clip's bytes with the middle overwritten: the container reads, the video does not decode.</summary>
    public static byte[] Corrupt(double seconds)
    {
        var bytes = Of(seconds).ToArray();
        for (var i = bytes.Length / 4; i < bytes.Length * 3 / 4; i++) bytes[i] = (byte)(i * 31);
        return bytes;
    }

    private static string Key(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static byte[] Make(double seconds, string key, bool frozen)
    {
        var path = Path.Combine(Folder, key + ".mp4");
        var length = Key(seconds);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", frozen ? "testsrc2=size=160x90:rate=15:duration=0.07,tpad=stop_mode=clone:stop_duration=600" : "testsrc2=size=160x90:rate=15",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=22050",
            "-t", length, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "32k", "-shortest", "-movflags", "+faststart", path,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("ffmpeg could not make a fake clip: " + error);
        return File.ReadAllBytes(path);
    }
}
