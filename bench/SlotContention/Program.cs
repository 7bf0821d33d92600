using System.Diagnostics;
using System.Globalization;
using CloudReel.Azure.Coordination;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Store;

// How much the Functions app's cross-instance model slots cost when many shots want them at once.
// Every contender takes a slot of one group (capacity 2) and gives it back, over and over; a busy
// group answers "no" and the contender tries again. Baseline, in the same run: one contender alone.
// Prints slot grants per second, the median time of one acquire and of one release, and the ratio.
var connectionString = args.Length > 0 ? args[0] : "UseDevelopmentStorage=true";
var contenders = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var cycles = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var blobs = StorageAccount.FromConnectionString(connectionString).Blobs;
var containers = new BlobContainers($"clips-{Guid.NewGuid():N}"[..24], "films", "orders");
await blobs.CreateBlobContainerAsync(containers.Clips);

async Task<(double GrantsPerSecond, double MedianAcquireMs, double MedianReleaseMs)> RunAsync(int count)
{
    var slots = new BlobModelSlots(blobs, TimeProvider.System, containers: containers);
    var group = "bench:" + Guid.NewGuid().ToString("N");
    var acquires = new List<double>();
    var releases = new List<double>();
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, count).Select(async c =>
    {
        var holder = c.ToString("x64", CultureInfo.InvariantCulture);
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            var step = Stopwatch.StartNew();
            while (!await slots.TryAcquireAsync(group, holder, 2)) await Task.Delay(5);
            var acquired = step.Elapsed.TotalMilliseconds;
            step.Restart();
            await slots.ReleaseAsync(group, holder);
            lock (acquires)
            {
                acquires.Add(acquired);
                releases.Add(step.Elapsed.TotalMilliseconds);
            }
        }
    }));
    acquires.Sort();
    releases.Sort();
    return (count * cycles / watch.Elapsed.TotalSeconds, acquires[acquires.Count / 2], releases[releases.Count / 2]);
}

string Line(string name, (double Rate, double Acquire, double Release) r) => string.Create(CultureInfo.InvariantCulture,
    $"{name,-26} {r.Rate,7:0.0} grants/s  median acquire {r.Acquire,7:0.0} ms  median release {r.Release,6:0.0} ms  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),4:0} MB");

await RunAsync(1); // warm-up: connections, JIT
var alone = await RunAsync(1);
Console.WriteLine(Line("baseline (1 contender)", alone));
var crowd = await RunAsync(contenders);
Console.WriteLine(Line($"{contenders} contenders, 2 slots", crowd));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{cycles} cycles each: {contenders} contenders get {crowd.GrantsPerSecond / alone.GrantsPerSecond:0.00}x the baseline's grants per second; a release takes {crowd.MedianReleaseMs / alone.MedianReleaseMs:0.00}x as long (ETag conflicts retried)"));
await blobs.DeleteBlobContainerAsync(containers.Clips);
