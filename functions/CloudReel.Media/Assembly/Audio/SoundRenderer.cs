using System.Collections.Concurrent;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly.Reuse;
using CloudReel.Media.Ffmpeg;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly.Audio;

/// <summary>
/// Makes a film's sound, one AAC track per loudness target, in light audio-only FFmpeg runs:
/// (1) when there is music and a foreground, their loudness, so the music is set 8 LU under the
/// foreground before ducking; (2) the mix to a lossless file, measured (EBU R128 integrated
/// loudness, range, gate and true peak, by ebur128); (3) per target, the second pass: one linear gain
/// to the target when the true peak stays at or under -1.5 dBTP, else the gain with a limiter holding
/// the peaks, measured again and corrected; encoded to AAC. With a render cache, each target's track is
/// kept under a key of everything audible (the clips' and voice-overs' sound and where it plays, the
/// music and its mix, the target, the encoder), and when every target is found nothing is run.
/// </summary>
internal sealed class SoundRenderer(FfmpegRunner runner, AssemblyOptions options, RenderCache? cache = null, RenderKeys? keys = null)
{
    public const double TruePeakCeiling = -1.5;
    private const double MusicUnderForegroundLu = 8;
    private const double DuckingKeyLufs = -18;
    private const double LimiterMarginDb = 1.5;
    private const int LimiterPasses = 4;

    /// <summary>
    /// The sound for every target in <paramref name="targets"/>: the file of each, and whether all
    /// came from the cache. <paramref name="keyInputs"/> stand for <paramref name="inputs"/> in keys.
    /// </summary>
    public async Task<(IReadOnlyDictionary<double, string> Files, bool Reused)> RenderAsync(
        FilmTimeline timeline, AssemblyInputs inputs, AssemblyInputs keyInputs, IReadOnlyCollection<double> targets, string folder,
        IProgress<AssemblyProgress>? progress, CancellationToken cancellationToken)
    {
        var keyed = targets.Distinct().ToDictionary(t => t, t => keys?.Of(RenderKind.Sound, KeyCommand(timeline, keyInputs, t)));
        var files = new Dictionary<double, string>();
        foreach (var (target, key) in keyed)
        {
            if (cache is not null && key is not null && await cache.FindAsync(RenderKind.Sound, key, cancellationToken) is { } found) files[target] = found.Path;
        }

        if (files.Count == keyed.Count)
        {
            progress?.Report(new AssemblyProgress("audio", 1));
            return (files, true);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var made = await MixAsync(timeline, inputs, keyed.Keys.Where(t => !files.ContainsKey(t)).ToList(), folder, progress, cancellationToken);
        foreach (var (target, file) in made)
        {
            files[target] = file;
            if (cache is not null && keyed[target] is { } key)
            {
                await cache.KeepAsync(RenderKind.Sound, key, file, new PieceRecord(Math.Round(clock.Elapsed.TotalSeconds / made.Count, 3), 0), cancellationToken);
            }
        }

        return (files, false);
    }

    /// <summary>The commands that make one target's track, with tokens for files: what its key is made of.</summary>
    private IEnumerable<string> KeyCommand(FilmTimeline timeline, AssemblyInputs keyInputs, double target)
    {
        var levels = keyInputs.Music is not null && SoundGraph.HasForeground(timeline, keyInputs) ? SoundGraph.Stems(timeline, keyInputs) : null;
        var mix = SoundGraph.Mix(timeline, keyInputs, 0, 1);
        return [.. levels?.InputArguments ?? [], levels?.Graph ?? "", .. mix.InputArguments, mix.Graph, Number(target), Number(timeline.TotalFrames), .. EncodeArguments.Sound(options)];
    }

    private async Task<Dictionary<double, string>> MixAsync(
        FilmTimeline timeline, AssemblyInputs inputs, IReadOnlyCollection<double> targets, string folder, IProgress<AssemblyProgress>? progress, CancellationToken cancellationToken)
    {
        var (gain, keyGain) = await MusicLevelsAsync(timeline, inputs, cancellationToken);
        var mix = Path.Combine(folder, "mix.wav");
        var graph = SoundGraph.Mix(timeline, inputs, gain, keyGain);
        var stderr = new ConcurrentQueue<string>();
        var measureGraph = graph.Graph + ";[mix]asplit[keep][measure];[measure]ebur128@mix=peak=true[measured]";
        await runner.RunAsync(
            ["-y", "-v", "info", .. graph.InputArguments, "-filter_complex", measureGraph,
             "-map", "[keep]", "-c:a", "pcm_f32le", "-f", "wav", mix, "-map", "[measured]", "-f", "null", "-"],
            Fraction(progress, 0, 0.5, timeline.TotalSeconds), stderr.Enqueue, cancellationToken);
        var measured = LoudnessReadings.EbuR128([.. stderr], "mix");

        var files = new Dictionary<double, string>();
        var done = 0;
        foreach (var target in targets.Distinct())
        {
            var output = Path.Combine(folder, $"sound-{files.Count}.m4a");
            var samples = new FrameClock(timeline.Fps).Sample(timeline.TotalFrames);
            var normalise = measured.IsSilent ? null
                : FitsUnderTheCeiling(target, measured) ? Normalise(target, measured) : await LimitAsync(mix, target, measured, cancellationToken);
            var filters = normalise is null ? "" : normalise + $",aresample={Number(FrameClock.SampleRate)},";
            filters += $"apad=whole_len={Number(samples)},atrim=end_sample={Number(samples)}";
            var share = 0.5 / targets.Count;
            await runner.RunAsync(["-y", "-i", mix, "-af", filters, .. EncodeArguments.Sound(options), output],
                Fraction(progress, 0.5 + (share * done++), share, timeline.TotalSeconds), cancellationToken);
            files[target] = output;
        }

        progress?.Report(new AssemblyProgress("audio", 1));
        return files;
    }

    /// <summary>
    /// The music's gain, setting it 8 LU under the foreground (with nothing to sit under, none: loudnorm
    /// sets the level), and the gain that brings the foreground to the ducking's reference of -18 LUFS.
    /// </summary>
    private async Task<(double MusicGainDb, double KeyGain)> MusicLevelsAsync(FilmTimeline timeline, AssemblyInputs inputs, CancellationToken cancellationToken)
    {
        if (inputs.Music is null || !SoundGraph.HasForeground(timeline, inputs)) return (0, 1);
        var graph = SoundGraph.Stems(timeline, inputs);
        var stderr = new ConcurrentQueue<string>();
        var measure = graph.Graph + ";[foreground]ebur128@foreground[f];[music]ebur128@music[m]";
        await runner.RunAsync(["-y", "-v", "info", .. graph.InputArguments, "-filter_complex", measure, "-map", "[f]", "-f", "null", "-", "-map", "[m]", "-f", "null", "-"],
            null, stderr.Enqueue, cancellationToken);
        var (foreground, music) = (LoudnessReadings.Integrated([.. stderr], "foreground"), LoudnessReadings.Integrated([.. stderr], "music"));
        if (foreground < -60) return (0, 1);
        var keyGain = Math.Pow(10, (DuckingKeyLufs - foreground) / 20);
        return (music < -60 ? 0 : Math.Clamp(foreground - MusicUnderForegroundLu - music, -40, 20), keyGain);
    }

    private static bool FitsUnderTheCeiling(double target, LoudnessMeasure measured) => measured.TruePeakDbtp + (target - measured.IntegratedLufs) <= TruePeakCeiling;

    /// <summary>
    /// Peaky sound (speech): the gain to the target through a limiter that holds the peaks; the limiter
    /// takes loudness with the peaks, so the limited sound is measured and the gain raised by what is
    /// missing, up to <see cref="LimiterPasses"/> times, until it lands within 0.3 LU. One limited pass
    /// fell about 2 LU short on a narrated film, and loudnorm's fallback (its dynamic mode) as much.
    /// </summary>
    private async Task<string> LimitAsync(string mix, double target, LoudnessMeasure measured, CancellationToken cancellationToken)
    {
        var gain = target - measured.IntegratedLufs;
        for (var pass = 0; pass < LimiterPasses; pass++)
        {
            var stderr = new ConcurrentQueue<string>();
            await runner.RunAsync(
                ["-y", "-v", "info", "-i", mix, "-filter_complex", $"[0:a]{Limited(gain)},ebur128@limited=peak=true[measured]", "-map", "[measured]", "-f", "null", "-"],
                null, stderr.Enqueue, cancellationToken);
            var shortfall = target - LoudnessReadings.EbuR128([.. stderr], "limited").IntegratedLufs;
            if (Math.Abs(shortfall) <= 0.3) break;
            gain += shortfall;
        }
        return Limited(gain);
    }

    /// <summary>A gain with a limiter under the true-peak ceiling (it holds sample peaks, so it sits lower, leaving room for the true peak).</summary>
    private static string Limited(double gainDb) =>
        $"volume={Number(gainDb)}dB,alimiter=limit={Number(Math.Pow(10, (TruePeakCeiling - LimiterMarginDb) / 20))}:attack=1:release=50:level=false";

    /// <summary>The second pass where the peaks allow it: one plain gain to the target (what loudnorm's linear mode does, without its 192 kHz processing).</summary>
    private static string Normalise(double target, LoudnessMeasure measured) => $"volume={Number(target - measured.IntegratedLufs)}dB";

    private static SyncProgress<FfmpegProgress>? Fraction(IProgress<AssemblyProgress>? progress, double from, double share, double seconds) =>
        progress is null
            ? null
            : new SyncProgress<FfmpegProgress>(p => progress.Report(new AssemblyProgress("audio", Math.Clamp(from + (share * p.OutTime.TotalSeconds / Math.Max(seconds, 1e-3)), 0, 1))));
}
