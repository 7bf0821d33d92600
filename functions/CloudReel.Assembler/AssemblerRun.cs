using Azure.Identity;
using CloudReel.Azure.Queue;
using CloudReel.Azure.Storage;
using CloudReel.Azure.Store;
using CloudReel.Core.Ports;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;
using CloudReel.Media;
using CloudReel.Media.Ffmpeg;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudReel.Assembler;

/// <summary>
/// One execution of the assembler container: `cloudreel-assembler --queue &lt;name&gt; --store &lt;Blob store&gt;`
/// takes at most one job off the queue, keeps the message hidden while the film is made, deletes it
/// when the film is assembled (assembly-result.json written last) and otherwise leaves it to come back;
/// the last allowed try goes to the poison queue, where the Functions app fails the film with the recorded reason.
/// Settings: environment variables prefixed CLOUDREEL__ (Assembly:VisibilityTimeoutSeconds, Assembly:MaxDequeueCount, Assembly:…).
/// </summary>
public static class AssemblerRun
{
    /// <summary>How long a taken message stays hidden between heartbeats (Assembly:VisibilityTimeoutSeconds).</summary>
    public const int DefaultVisibilityTimeoutSeconds = 300;

    public const string Usage = "usage: cloudreel-assembler --queue <name> --store <connection string | https://<account>.blob.core.windows.net>";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args is ["--help" or "-h"])
        {
            await stdout.WriteLineAsync(Usage);
            return ExitCodes.Success;
        }

        if (!TryRead(args, out var queueName, out var store, out var problem))
        {
            await stderr.WriteLineAsync(problem);
            await stderr.WriteLineAsync(Usage);
            return ExitCodes.InvalidInput;
        }

        StorageAccount account;
        try
        {
            account = store.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? StorageAccount.FromBlobEndpoint(new Uri(store), new DefaultAzureCredential())
                : StorageAccount.FromConnectionString(store);
        }
        catch (FormatException badStore)
        {
            await stderr.WriteLineAsync($"--store: {badStore.Message}");
            return ExitCodes.InvalidInput;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables("CLOUDREEL__").Build();
        await using var services = Compose(account, queueName, configuration);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException badSetting)
        {
            foreach (var failure in badSetting.Failures) await stderr.WriteLineAsync($"Assembly setting: {failure}");
            return ExitCodes.InvalidInput;
        }

        var queue = services.GetRequiredService<AssemblyJobQueue>();
        var runner = services.GetRequiredService<AssemblyJobRunner>();
        var worker = new AssemblyQueueWorker(
            queue, services.GetRequiredService<IClipStore>(), TimeProvider.System, services.GetRequiredService<ILoggerFactory>().CreateLogger<AssemblyQueueWorker>());
        var visibility = TimeSpan.FromSeconds(configuration.GetValue("Assembly:VisibilityTimeoutSeconds", DefaultVisibilityTimeoutSeconds));

        AssemblyQueueOutcome outcome;
        try
        {
            outcome = await worker.RunOnceAsync(
                async (job, token) =>
                {
                    await stdout.WriteLineAsync($"film: {job.FilmId}");
                    var step = "";
                    var progress = new SyncProgress<AssemblyProgress>(p =>
                    {
                        if (p.Step != step) stdout.WriteLine($"{job.FilmId}: {step = p.Step}");
                    });
                    var result = await runner.RunAsync(job, progress, token);
                    foreach (var line in ReuseLines.Of(result.Renditions, result.SoundReused)) await stdout.WriteLineAsync(line);
                },
                visibility,
                cancellationToken);
        }
        catch (Exception missing) when (missing is FfmpegNotFoundException or Media.Fonts.CjkFontMissingException)
        {
            await stderr.WriteLineAsync(missing.Message);
            return ExitCodes.Environment;
        }

        switch (outcome.Result)
        {
            case AssemblyQueueResult.Empty:
                await stdout.WriteLineAsync($"No assembly job is waiting on queue {queue.QueueName}.");
                return ExitCodes.Success;
            case AssemblyQueueResult.Assembled:
                await stdout.WriteLineAsync($"Assembled {outcome.FilmId}; its message is deleted from {queue.QueueName}.");
                return ExitCodes.Success;
            case AssemblyQueueResult.Poisoned:
                await stderr.WriteLineAsync($"Assembly of {outcome.FilmId} failed on its last try and went to {queue.PoisonQueueName}: {outcome.Error}");
                return ExitCodes.FilmFailed;
            default:
                await stderr.WriteLineAsync($"Assembly of {outcome.FilmId} failed; its message will come back for another try: {outcome.Error}");
                return ExitCodes.FilmFailed;
        }
    }

    /// <summary>The container's services: the Blob clip store and the assembly queue on one account, and FFmpeg.</summary>
    public static ServiceProvider Compose(StorageAccount account, string queueName, IConfiguration configuration)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "cloudreel-assembler");
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(options => options.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IClipStore>(new BlobClipStore(account.Blobs, Path.Combine(scratch, "blobs")));
        services.AddSingleton(sp => new AssemblyJobQueue(
            account.Queues, sp.GetRequiredService<IClipStore>(), queueName, configuration.GetValue("Assembly:MaxDequeueCount", 5)));
        services.AddSingleton<IAssemblyProgressSink>(NullAssemblyProgressSink.Instance);
        services.AddFfmpegMediaEngine(configuration, Path.Combine(scratch, "scratch"));
        return services.BuildServiceProvider();
    }

    private static bool TryRead(string[] args, out string queue, out string store, out string problem)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--queue" or "--store") || i + 1 >= args.Length)
            {
                (queue, store, problem) = ("", "", $"unexpected argument '{args[i]}'");
                return false;
            }

            values[args[i]] = args[i + 1];
        }

        queue = values.GetValueOrDefault("--queue", "");
        store = values.GetValueOrDefault("--store", "");
        problem = queue.Length == 0 ? "--queue is required" : store.Length == 0 ? "--store is required (the Blob Storage account that holds the queue)" : "";
        return problem.Length == 0;
    }
}

/// <summary>Exit codes, as the cloudreel command's.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int FilmFailed = 1;
    public const int InvalidInput = 2;
    public const int Environment = 3;
}
