using System.Diagnostics;
using System.Globalization;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Store;
using CloudReel.Core.Ports;

// Writes the same film-sized file through the Blob clip store with one block in flight (the
// baseline: what a simple uploader does) and with CloudReel's parallel blocks (the SDK's
// StorageTransferOptions, MaximumConcurrency 4), in the same process, against the Storage endpoint in
// the connection string given; prints wall time, throughput, peak working set and the ratio.
var connectionString = args.Length > 0 ? args[0] : "UseDevelopmentStorage=true";
var megabytes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 128;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
var account = StorageAccount.FromConnectionString(connectionString);
var bytes = new byte[megabytes * 1024 * 1024];
new Random(7).NextBytes(bytes);
var suffix = Guid.NewGuid().ToString("N")[..12];
var containers = new BlobContainers($"bench-clips-{suffix}", $"bench-films-{suffix}", $"bench-orders-{suffix}");
var cache = Directory.CreateTempSubdirectory("blob-upload-bench-").FullName;

async Task<double> MedianSecondsAsync(int parallelism)
{
    var store = new BlobClipStore(account.Blobs, cache, new BlobClipStoreOptions
    {
        Containers = containers,
        Transfer = BlobClipStoreOptions.DefaultTransfer with { InitialTransferSize = 8 * 1024 * 1024, MaximumConcurrency = parallelism },
    });
    var times = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        var watch = Stopwatch.StartNew();
        await store.PutAsync(StoreLayout.FilmOutput("bench", $"film-{parallelism}-{run}.mp4"), new MemoryStream(bytes, writable: false), "video/mp4", overwrite: true);
        times.Add(watch.Elapsed.TotalSeconds);
    }

    times.Sort();
    return times[times.Count / 2];
}

string Line(string name, double seconds) => string.Create(CultureInfo.InvariantCulture,
    $"{name,-28} {seconds,7:0.000} s  {megabytes / seconds,7:0.0} MB/s  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),6:0} MB");

var baseline = await MedianSecondsAsync(parallelism: 1);
Console.WriteLine(Line("baseline (1 block at a time)", baseline));
var parallel = await MedianSecondsAsync(parallelism: 4);
Console.WriteLine(Line("cloudreel (4 blocks)", parallel));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{megabytes} MB, median of {runs}: parallel blocks are {baseline / parallel:0.00}x the baseline's speed"));
foreach (var container in containers.All) await account.Blobs.GetBlobContainerClient(container).DeleteIfExistsAsync();
Directory.Delete(cache, recursive: true);
