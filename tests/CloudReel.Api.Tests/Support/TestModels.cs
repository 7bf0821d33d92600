using CloudReel.Core.Models;

namespace CloudReel.Api.Tests.Support;

/// <summary>Models for validation: a configured "mock" at 0.10 USD a second, and "kling" without its keys.</summary>
internal static class TestModels
{
    public static IVideoModelCatalog Catalog { get; } = new VideoModelCatalog([
        new Model(new ModelCapabilities { Name = "mock", Version = "1", Provider = "tests", Durations = DurationOptions.Range(1, 10), PricePerSecond = 0.10m, ImageToVideo = true }, true),
        new Model(new ModelCapabilities { Name = "kling", Version = "2.5", Provider = "Kling", Durations = DurationOptions.Only(5, 10) }, false),
    ]);

    private sealed class Model(ModelCapabilities capabilities, bool configured) : IVideoModel
    {
        public ModelCapabilities Capabilities => capabilities;

        public bool IsConfigured => configured;

        public string? SetupHint => configured ? null : "set Models:Kling:AccessKey and Models:Kling:SecretKey";

        public Task<JobStatus> SubmitAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task DownloadAsync(JobStatus succeeded, Stream destination, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
