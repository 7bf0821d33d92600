using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CloudReel.Core.Models;
using CloudReel.Core.Ports;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Fonts;
using Microsoft.Extensions.Logging;

namespace CloudReel.Media.Animatic;

/// <summary>
/// The free, offline video model: renders a storyboard shot with FFmpeg (a Ken Burns move over
/// the first reference image, or a designed text card). Jobs render synchronously at submit into
/// <c>&lt;workDirectory&gt;/&lt;jobId&gt;.mp4</c>, so the job id alone finds the clip again.
/// </summary>
public sealed partial class AnimaticVideoModel : IVideoModel
{
    private const string JobPrefix = "animatic-";

    private readonly IClipStore _store;
    private readonly string _workDirectory;
    private readonly AnimaticRenderer _renderer;
    private readonly ILogger<AnimaticVideoModel> _logger;

    public AnimaticVideoModel(IClipStore store, string workDirectory, FfmpegRunner runner, FontLocator fonts, ILogger<AnimaticVideoModel> logger)
    {
        _store = store;
        _workDirectory = Path.GetFullPath(workDirectory);
        _renderer = new AnimaticRenderer(runner, fonts);
        _logger = logger;
    }

    /// <summary>Bump <see cref="ModelCapabilities.Version"/> whenever the look changes: it is part of every content key.</summary>
    public ModelCapabilities Capabilities { get; } = new()
    {
        Name = "animatic",
        Version = "2",
        Durations = DurationOptions.Range(1, 20),
        Sizes = [],
        Provider = "CloudReel (FFmpeg, offline)",
        ImageToVideo = true,
        TextToVideo = true,
        // A preview: a Ken Burns move over the first picture; an end frame or subject references are not drawn.
        LastFrame = true,
        MaxReferenceImages = 7,
        // Cards and pictures drift slowly: a small render repeats frames without being a frozen take.
        StillPictures = true,
        MaxConcurrentJobs = 2,
        // Its jobs end at submit and free their slot a second or so later: a shot waiting for one looks again soon.
        PollInterval = TimeSpan.FromSeconds(1),
        PricePerSecond = 0,
    };

    public bool IsConfigured => true;

    public async Task<JobStatus> SubmitAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var jobId = JobIdFor(idempotencyKey);
        var clipPath = ClipPath(jobId);
        if (File.Exists(clipPath)) return Succeeded(jobId);
        if (Invalid(request) is { } problem) return JobStatus.Failed(jobId, FailureReason.Invalid, "invalid-request", problem);

        string? imagePath = null;
        if (request.References.Count > 0)
        {
            var reference = request.References[0].StoreName;
            if (!await _store.ExistsAsync(reference, cancellationToken))
            {
                return JobStatus.Failed(jobId, FailureReason.Invalid, "missing-reference", $"Reference image {reference} is not in the clip store.");
            }

            imagePath = await _store.GetLocalPathAsync(reference, cancellationToken);
        }

        Directory.CreateDirectory(_workDirectory);
        // Render under a private name and rename: a crash never leaves half a clip under the job's name.
        var partialPath = Path.Combine(_workDirectory, $"{jobId}.{Guid.NewGuid():N}.partial.mp4");
        try
        {
            _logger.LogInformation("Rendering animatic {JobId}: {Seconds} s at {Size}, {Kind}", jobId, request.Seconds, request.Size, imagePath is null ? "card" : "image");
            if (imagePath is not null)
            {
                await _renderer.RenderImageAsync(request, imagePath, partialPath, cancellationToken);
            }
            else
            {
                using var scratch = ScratchDirectory.Create("animatic");
                await _renderer.RenderCardAsync(request, partialPath, scratch, cancellationToken);
            }

            File.Move(partialPath, clipPath, overwrite: true);
        }
        finally
        {
            File.Delete(partialPath);
        }

        return Succeeded(jobId);
    }

    public Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsOwnJobId(jobId) && File.Exists(ClipPath(jobId))
            ? Succeeded(jobId)
            : JobStatus.Failed(jobId, FailureReason.Unknown, null, "no such animatic job"));

    public async Task DownloadAsync(JobStatus succeeded, Stream destination, CancellationToken cancellationToken = default)
    {
        if (succeeded.JobId is not { } jobId || !IsOwnJobId(jobId) || !File.Exists(ClipPath(jobId)))
        {
            throw new InvalidOperationException($"No such animatic job: {succeeded.JobId ?? "(none)"}.");
        }

        await using var clip = new FileStream(ClipPath(jobId), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await clip.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>"animatic-" + the first 24 characters of the key (hashed first if it holds unsafe characters).</summary>
    public static string JobIdFor(string idempotencyKey)
    {
        var key = SafeKey().IsMatch(idempotencyKey)
            ? idempotencyKey
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
        return JobPrefix + key[..Math.Min(24, key.Length)];
    }

    private string ClipPath(string jobId) => Path.Combine(_workDirectory, jobId + ".mp4");

    private static bool IsOwnJobId(string jobId) =>
        jobId.StartsWith(JobPrefix, StringComparison.Ordinal) && SafeKey().IsMatch(jobId[JobPrefix.Length..]);

    private string? Invalid(ShotRequest request)
    {
        if (!Capabilities.Durations.Accepts(request.Seconds)) return $"The animatic renders {Capabilities.Durations}, not {request.Seconds} s.";
        var size = request.Size;
        if (size.Width <= 0 || size.Height <= 0 || size.Width % 2 != 0 || size.Height % 2 != 0)
        {
            return $"The animatic renders even frame sizes, not {size}.";
        }

        return null;
    }

    private static JobStatus Succeeded(string jobId) => new() { State = JobState.Succeeded, JobId = jobId, Progress = 100 };

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex SafeKey();
}
