using System.Globalization;
using CloudReel.Media.Ffmpeg;

namespace CloudReel.Bench.Incremental;

/// <summary>
/// How an incrementally assembled film compares with the same edit assembled from scratch: frame
/// counts (from the MP4 index), the sound's length, the PSNR of every decoded frame against the
/// reference (inf where identical), and the frozen stretches FFmpeg's freezedetect finds in it.
/// </summary>
internal sealed record FilmCheck(long Frames, long ReferenceFrames, double AudioSeconds, double MinimumPsnr, double MinimumPsnrAtJoins, IReadOnlyList<int> FreezeStarts)
{
    /// <summary>
    /// freezedetect's settings: a picture that changes by less than -60 dB across more than one and a
    /// half frame intervals is frozen. Every frame spans one interval, so only a frame shown twice (two
    /// intervals) or more is reported.
    /// </summary>
    public static string Freezedetect(int fps) => FormattableString.Invariant($"freezedetect=n=-60dB:d={1.5 / fps:0.####}");

    public static async Task<FilmCheck> RunAsync(FfmpegRunner runner, string film, string reference, int fps, IReadOnlyList<int> joins, string work)
    {
        var stats = Path.Combine(work, $"psnr-{Guid.NewGuid():N}.log");
        var lines = new List<string>();
        await runner.RunAsync(
        [
            "-v", "info", "-i", film, "-i", reference,
            "-filter_complex", $"[0:v]split=2[p][f];[p][1:v]psnr=stats_file={FilterText.OptionValue(stats)}[o];[f]{Freezedetect(fps)}[z]",
            "-map", "[o]", "-f", "null", "-", "-map", "[z]", "-f", "null", "-",
        ], null, line => { lock (lines) lines.Add(line); });
        var psnr = (await File.ReadAllLinesAsync(stats)).Select(Psnr).ToList();
        var nearJoins = joins.SelectMany(j => Enumerable.Range(j - 2, 5)).Where(f => f >= 0 && f < psnr.Count).Select(f => psnr[f]).DefaultIfEmpty(double.PositiveInfinity);
        return new FilmCheck(
            await PacketsAsync(runner, film, "v"),
            await PacketsAsync(runner, reference, "v"),
            await DurationAsync(runner, film, "a"),
            psnr.DefaultIfEmpty(double.NegativeInfinity).Min(),
            nearJoins.Min(),
            FrozenFrames(lines, fps));
    }

    /// <summary>Where freezedetect finds frozen pictures in <paramref name="film"/> (frame numbers).</summary>
    public static async Task<IReadOnlyList<int>> FreezesAsync(FfmpegRunner runner, string film, int fps, string? filtersBefore = null)
    {
        var lines = new List<string>();
        await runner.RunAsync(["-v", "info", "-i", film, "-map", "0:v", "-vf", (filtersBefore is null ? "" : filtersBefore + ",") + Freezedetect(fps), "-f", "null", "-"],
            null, line => { lock (lines) lines.Add(line); });
        return FrozenFrames(lines, fps);
    }

    private static List<int> FrozenFrames(IEnumerable<string> lines, int fps) => lines
        .Where(l => l.Contains("lavfi.freezedetect.freeze_start:", StringComparison.Ordinal))
        .Select(l => (int)Math.Round(double.Parse(l[(l.IndexOf("freeze_start:", StringComparison.Ordinal) + 13)..].Trim(), CultureInfo.InvariantCulture) * fps))
        .ToList();

    private static double Psnr(string line)
    {
        var value = line.Split(' ').First(p => p.StartsWith("psnr_avg:", StringComparison.Ordinal))["psnr_avg:".Length..];
        return value == "inf" ? double.PositiveInfinity : double.Parse(value, CultureInfo.InvariantCulture);
    }

    private static async Task<long> PacketsAsync(FfmpegRunner runner, string path, string stream) => long.Parse(
        (await runner.ProbeAsync(["-v", "error", "-select_streams", $"{stream}:0", "-count_packets", "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", path])).Trim(),
        CultureInfo.InvariantCulture);

    private static async Task<double> DurationAsync(FfmpegRunner runner, string path, string stream) => double.Parse(
        (await runner.ProbeAsync(["-v", "error", "-select_streams", $"{stream}:0", "-show_entries", "stream=duration", "-of", "csv=p=0", path])).Trim(),
        CultureInfo.InvariantCulture);
}
