using CloudReel.Core.Quality;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Probing;

namespace CloudReel.Media.Quality;

/// <summary>
/// The offline checks on a new clip, in one FFmpeg pass over it: freezedetect (a frozen take),
/// blackdetect (a flash to black), scdet (a hard cut inside the shot), the length against the
/// length asked for, and silencedetect where the model makes sound. A clip FFmpeg cannot read
/// fails a "decode" check.
/// </summary>
public sealed class FfmpegClipChecker(FfmpegRunner runner) : IClipChecker
{
    // Detectors report stretches from these lengths on; the thresholds judge them.
    private const double FreezeReportSeconds = 0.3;
    private const double BlackReportSeconds = 0.1;

    public async Task<ClipQualityReport> CheckAsync(string clipPath, ClipExpectation expectation, CancellationToken cancellationToken = default)
    {
        try
        {
            var streams = await StreamSummary.ReadAsync(runner, clipPath, cancellationToken);
            var (duration, hasAudio) = (streams.Duration, streams.HasAudio);
            var readings = await MeasureAsync(clipPath, duration, hasAudio, expectation.Thresholds, cancellationToken);
            return new ClipQualityReport(QualityVerdicts.Judge(readings, expectation));
        }
        catch (FfmpegException e)
        {
            return new ClipQualityReport([new QualityCheck("decode", false, $"FFmpeg cannot read the clip: {string.Join(" / ", e.StderrTail.TakeLast(2))}")]);
        }
    }

    private async Task<QualityReadings> MeasureAsync(string clipPath, double duration, bool hasAudio, QualityThresholds t, CancellationToken cancellationToken)
    {
        using var scratch = ScratchDirectory.Create("quality");
        var videoLog = scratch.File("video-meta.txt");
        var audioLog = scratch.File("audio-meta.txt");
        var graph = $"[0:v:0]freezedetect=n=-60dB:d={FilterText.Number(FreezeReportSeconds)},"
            + $"blackdetect=d={FilterText.Number(BlackReportSeconds)}:pix_th=0.10,"
            + $"scdet=threshold={FilterText.Number(t.CutScore)},"
            + $"metadata=mode=print:file={FilterText.OptionValue(videoLog)}[v]";
        if (hasAudio)
        {
            graph += $";[0:a:0]silencedetect=n={FilterText.Number(t.SilenceDecibels)}dB:d=0.2,ametadata=mode=print:file={FilterText.OptionValue(audioLog)}[a]";
        }
        List<string> arguments = ["-i", clipPath, "-filter_complex", graph, "-map", "[v]"];
        if (hasAudio) arguments.AddRange(["-map", "[a]"]);
        arguments.AddRange(["-f", "null", "-"]);
        await runner.RunAsync(arguments, cancellationToken: cancellationToken);

        var video = File.Exists(videoLog) ? await File.ReadAllLinesAsync(videoLog, cancellationToken) : [];
        var audio = hasAudio && File.Exists(audioLog) ? await File.ReadAllLinesAsync(audioLog, cancellationToken) : null;
        return QualityReadings.Parse(duration, video, hasAudio ? audio ?? [] : null);
    }
}
