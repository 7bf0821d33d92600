using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CloudReel.Core.Models;
using CloudReel.Media.Ffmpeg;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Workflow.Tests.Scenarios;

/// <summary>
/// A paid image-to-video service whose every job makes a clip of its own (a moving test picture tinted
/// by the request, so no two requests give the same bytes), rendered with FFmpeg at submit. A shot whose
/// words say "frozen" gets a frozen picture on its first job ("always frozen": on every job). It keeps
/// every request it was sent, in order.
/// </summary>
internal sealed class TakesModel(string folder) : IVideoModel
{
    private readonly FfmpegRunner _ffmpeg = new(FfmpegTools.Locate(), NullLogger<FfmpegRunner>.Instance);
    private readonly ConcurrentDictionary<string, string> _clips = new();
    private readonly ConcurrentQueue<ShotRequest> _sent = new();
    private int _jobs;

    public ModelCapabilities Capabilities { get; } = new()
    {
        Name = "takes",
        Version = "1",
        Durations = DurationOptions.Range(1, 10),
        ImageToVideo = true,
        TextToVideo = true,
        MaxConcurrentJobs = 2,
        PricePerSecond = 0.5m,
        PollInterval = TimeSpan.FromMilliseconds(200),
    };

    public bool IsConfigured => true;

    /// <summary>Every request sent, in the order the service received them.</summary>
    public IReadOnlyList<ShotRequest> Sent => [.. _sent];

    public int SentFor(string shotText) => Sent.Count(r => r.ShotText == shotText);

    public async Task<JobStatus> SubmitAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var frozen = request.ShotText.Contains("frozen", StringComparison.Ordinal)
            && (request.ShotText.Contains("always", StringComparison.Ordinal) || SentFor(request.ShotText) == 0);
        _sent.Enqueue(request);
        var jobId = $"takes-{Interlocked.Increment(ref _jobs)}";
        var clip = Path.Combine(folder, jobId + ".mp4");
        Directory.CreateDirectory(folder);
        var seconds = request.Seconds.ToString(CultureInfo.InvariantCulture);
        var hue = BitConverter.ToUInt16(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey))) % 360;
        string[] picture = frozen
            ? ["-f", "lavfi", "-i", "testsrc2=s=256x144:r=24:d=0.04", "-vf", $"tpad=stop_mode=clone:stop_duration={seconds}"]
            : ["-f", "lavfi", "-i", $"testsrc2=s=256x144:r=24:d={seconds}", "-vf", $"hue=h={hue}"];
        await _ffmpeg.RunAsync(["-y", .. picture, "-t", seconds, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip], cancellationToken: cancellationToken);
        _clips[jobId] = clip;
        return new JobStatus { State = JobState.Queued, JobId = jobId };
    }

    public Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new JobStatus { State = JobState.Succeeded, JobId = jobId });

    public async Task DownloadAsync(JobStatus succeeded, Stream destination, CancellationToken cancellationToken = default)
    {
        await using var clip = File.OpenRead(_clips[succeeded.JobId!]);
        await clip.CopyToAsync(destination, cancellationToken);
    }
}
