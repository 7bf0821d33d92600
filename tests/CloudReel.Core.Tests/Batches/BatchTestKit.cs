using CloudReel.Core.Batches;
using CloudReel.Core.Intake;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Tests.Batches;

/// <summary>A template's files in memory, by relative path.</summary>
internal sealed class MemoryOrderSource : IOrderSource
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public MemoryOrderSource With(params string[] paths)
    {
        // A JPEG's first bytes, so the order's file checks take it for the picture its name says.
        foreach (var path in paths) _files[path] = [0xFF, 0xD8, 0xFF, 0xE0, .. System.Text.Encoding.UTF8.GetBytes("picture " + path)];
        return this;
    }

    public Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default) =>
        Task.FromResult(_files.TryGetValue(relativePath, out var bytes) ? bytes.Length : (long?)null);

    public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken cancellationToken = default) =>
        Task.FromResult(_files.TryGetValue(relativePath, out var bytes) ? new MemoryStream(bytes) : (Stream?)null);
}

/// <summary>The expander over a catalog of one configured model ("animatic": 1–60 s, image-to-video) and helpers to run it.</summary>
internal static class BatchTestKit
{
    public static IVideoModelCatalog Catalog { get; } = new VideoModelCatalog([
        new Model(new ModelCapabilities { Name = "animatic", Version = "1", Provider = "tests", Durations = DurationOptions.Range(1, 60), ImageToVideo = true }),
    ]);

    public static Task<BatchExpansion> ExpandAsync(string template, string data, string dataName = "rows.csv", MemoryOrderSource? files = null, string templateName = "guide.yaml") =>
        new TemplateBatchExpander(Catalog).ExpandAsync(
            OrderDocument.FromFile(template, templateName), new BatchData(data, dataName), files ?? new MemoryOrderSource(), CancellationToken.None);

    /// <summary>Expands rows that must all be valid, failing the test with the errors otherwise.</summary>
    public static async Task<IReadOnlyList<BatchRowOrder>> ValidRowsAsync(string template, string data, string dataName = "rows.csv", MemoryOrderSource? files = null)
    {
        var expansion = await ExpandAsync(template, data, dataName, files);
        expansion.Errors.Select(e => e.ToString()).Should().BeEmpty();
        return expansion.Rows;
    }

    /// <summary>The order a row became, bound (its errors were checked by the expansion).</summary>
    public static FilmOrder OrderOf(BatchRowOrder row) => OrderLoader.BindUnchecked(row.Order.Text, row.Order.DisplayName + ".json")!;

    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    private sealed class Model(ModelCapabilities capabilities) : IVideoModel
    {
        public ModelCapabilities Capabilities => capabilities;

        public bool IsConfigured => true;

        public string? SetupHint => null;

        public Task<JobStatus> SubmitAsync(ShotRequest request, string idempotencyKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<JobStatus> GetStatusAsync(string jobId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task DownloadAsync(JobStatus succeeded, Stream destination, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
