using CloudReel.Core.Intake;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Tests.Orders;

/// <summary>Files an order refers to, as sizes in memory; remembers which paths were asked for.</summary>
internal sealed class FakeOrderFiles : IOrderFiles
{
    private readonly Dictionary<string, long> _sizes = new(StringComparer.Ordinal);

    public List<string> Requested { get; } = [];

    public FakeOrderFiles With(string path, long bytes)
    {
        _sizes[path] = bytes;
        return this;
    }

    public Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default)
    {
        Requested.Add(relativePath);
        return Task.FromResult(_sizes.TryGetValue(relativePath, out var size) ? size : (long?)null);
    }
}

/// <summary>A model catalog and loader helpers shared by the order tests.</summary>
internal static class OrderTestKit
{
    public const long MB = 1024 * 1024;

    /// <summary>animatic (1–60 s, image-to-video), sora-2 (4/8/12 s only, no image-to-video, 1000-character prompts), kling-v2-1 (1–20 s, image-to-video), vidu-q2 (4/8 s).</summary>
    public static IReadOnlyDictionary<string, ModelCapabilities> Models { get; } = new Dictionary<string, ModelCapabilities>
    {
        ["animatic"] = new() { Name = "animatic", Version = "1", Durations = DurationOptions.Range(1, 60), ImageToVideo = true },
        ["sora-2"] = new() { Name = "sora-2", Version = "2", Durations = DurationOptions.Only(4, 8, 12), ImageToVideo = false, MaxPromptLength = 1000 },
        ["kling-v2-1"] = new() { Name = "kling-v2-1", Version = "2.1", Durations = DurationOptions.Range(1, 20), ImageToVideo = true },
        ["vidu-q2"] = new() { Name = "vidu-q2", Version = "q2", Durations = DurationOptions.Only(4, 8), ImageToVideo = true },
    };

    public static Task<OrderLoadResult> LoadAsync(string text, string fileName = "order.yaml", FakeOrderFiles? files = null) =>
        new OrderLoader(files ?? new FakeOrderFiles(), Models).LoadAsync(text, fileName);

    /// <summary>Loads an order that must be valid, failing the test with its errors otherwise.</summary>
    public static async Task<FilmOrder> LoadValidAsync(string text, string fileName = "order.yaml", FakeOrderFiles? files = null)
    {
        var result = await LoadAsync(text, fileName, files);
        result.Errors.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
        return result.Order!;
    }

    /// <summary>Loads an order that must have exactly one error, and returns it.</summary>
    public static async Task<OrderError> SingleErrorAsync(string text, string fileName = "order.yaml", FakeOrderFiles? files = null)
    {
        var result = await LoadAsync(text, fileName, files);
        result.Order.Should().BeNull();
        result.Errors.Should().ContainSingle($"these were found: {string.Join(" | ", result.Errors)}");
        return result.Errors[0];
    }

    /// <summary>Lines joined with "\n", so tests can show an order one line per argument.</summary>
    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";
}

/// <summary>The repository root, found by walking up to CloudReel.sln.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CloudReel.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("CloudReel.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Order files held in memory, content and all (pictures, sounds and clips are checked by what they hold).</summary>
internal sealed class MemoryOrderSource : IOrderSource
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public MemoryOrderSource With(string path, byte[] content)
    {
        _files[path] = content;
        return this;
    }

    public Task<long?> GetSizeAsync(string relativePath, CancellationToken cancellationToken = default) =>
        Task.FromResult(_files.TryGetValue(relativePath, out var content) ? content.Length : (long?)null);

    public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken cancellationToken = default) =>
        Task.FromResult(_files.TryGetValue(relativePath, out var content) ? new MemoryStream(content) : (Stream?)null);
}
