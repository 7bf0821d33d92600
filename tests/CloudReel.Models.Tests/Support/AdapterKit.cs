using System.Security.Cryptography;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Local.Store;
using CloudReel.Models.Configuration;
using CloudReel.Models.Http;
using CloudReel.Models.Resilience;

namespace CloudReel.Models.Tests.Support;

/// <summary>What an adapter test needs: a real folder clip store with a reference image, fast resilience settings, captured logs.</summary>
internal sealed class AdapterKit : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cloudreel-models-").FullName;

    public AdapterKit()
    {
        Store = new FolderClipStore(Path.Combine(_root, "store"), Path.Combine(_root, "films"));
        Images = new ReferenceImages(Store);
    }

    public FolderClipStore Store { get; }

    public ReferenceImages Images { get; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>
    /// Retries short enough for tests; timeouts long enough that a loaded CI machine answering a first
    /// request slowly is not mistaken for a lost answer. The circuit stays closed unless a test wants it open.
    /// </summary>
    public static ResilienceOptions FastResilience() => new()
    {
        MaxRetries = 3,
        BaseDelaySeconds = 0.01,
        MaxDelaySeconds = 0.05,
        MaxRetryAfterSeconds = 3,
        SubmitTimeoutSeconds = 5,
        QueryTimeoutSeconds = 5,
        DownloadTimeoutSeconds = 10,
        BreakerMinimumThroughput = 100,
        BreakerBreakSeconds = 30,
        LookupDelaySeconds = 0.05,
    };

    public ProviderHttp Http(string model, string service, Func<CancellationToken, ValueTask<(string Name, string Value)>>? credential, IProviderErrors errors, ResilienceOptions? resilience = null) =>
        new(ServiceAuthHandler.CreateClient(new Uri(service.TrimEnd('/') + "/"), credential), errors, resilience ?? FastResilience(), TimeProvider.System, Logs.CreateLogger(model));

    /// <summary>The sample reference photo, in the store under <paramref name="name"/>.</summary>
    public async Task<ReferenceImage> ImageAsync(string name = "orders/f/refs/bund.jpg", ReferenceRole role = ReferenceRole.FirstFrame)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot, "samples/shanghai-clay/refs/bund.jpg"));
        await Store.PutAsync(name, new MemoryStream(bytes), "image/jpeg", overwrite: true);
        return new ReferenceImage(name, Convert.ToHexStringLower(SHA256.HashData(bytes)), role);
    }

    public static ShotRequest Request(double seconds = 5, int width = 1280, int height = 720, params ReferenceImage[] references) => new()
    {
        Prompt = "A paper boat drifts down a rainy street at dusk. Slow push in. Style: clay animation.",
        ShotText = "A paper boat drifts down a rainy street at dusk",
        Seconds = seconds,
        Size = new FrameSize(width, height),
        Seed = 42,
        References = references,
    };

    public static string Key(int n = 1) => n.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Polls until the job ends (fakes finish after a poll or two).</summary>
    public static async Task<JobStatus> UntilDoneAsync(IVideoModel model, JobStatus submitted)
    {
        var status = submitted;
        for (var i = 0; i < 20 && !status.IsTerminal; i++) status = await model.GetStatusAsync(status.JobId!);
        return status;
    }

    public static async Task<byte[]> DownloadAsync(IVideoModel model, JobStatus succeeded)
    {
        using var clip = new MemoryStream();
        await model.DownloadAsync(succeeded, clip);
        return clip.ToArray();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS; a test never fails over its scratch folder.
        }
    }

    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CloudReel.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("The tests must run inside the CloudReel repository.");
    }
}
