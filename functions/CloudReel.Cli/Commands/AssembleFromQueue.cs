using CloudReel.Azure.Queue;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Progress;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudReel.Cli.Commands;

/// <summary>
/// `cloudreel assemble --queue &lt;name&gt; --store &lt;Blob store&gt;`: one execution of the assembler
/// container. It takes at most one job off the queue, keeps the message hidden while the film is made,
/// deletes it when the film is assembled and otherwise leaves it to come back (the last allowed try goes
/// to the poison queue, where the Functions app fails the film with the recorded reason).
/// </summary>
public static class AssembleFromQueue
{
    /// <summary>How long a taken message stays hidden between heartbeats (Assembly:VisibilityTimeoutSeconds).</summary>
    public const int DefaultVisibilityTimeoutSeconds = 300;

    public static async Task<int> RunAsync(CliContext context, string queueName, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        context.Home.EnsureCreated();
        if (!context.TryParseStore(stderr, out var location)) return ExitCodes.InvalidInput;

        if (location is null or { Kind: StoreKind.Folder })
        {
            await stderr.WriteLineAsync("--queue needs --store with the Blob Storage account that holds the queue (a connection string or https://<account>.blob.core.windows.net).");
            return ExitCodes.InvalidInput;
        }

        var configuration = new ConfigurationBuilder()
            .AddConfiguration(CliConfiguration.Build(context.Home))
            .AddInMemoryCollection([new("Assembly:Queue", queueName)])
            .Build();
        using var loggerFactory = context.CreateLoggerFactory();
        await using var services = EngineHost.BuildServices(context.Home, configuration, Path.GetFullPath("out"), loggerFactory, new ProgressRelay(), location);
        var queue = services.GetRequiredService<AssemblyJobQueue>();
        var runner = services.GetRequiredService<AssemblyJobRunner>();
        var worker = new AssemblyQueueWorker(queue, services.GetRequiredService<IClipStore>(), TimeProvider.System, loggerFactory.CreateLogger<AssemblyQueueWorker>());
        var visibility = TimeSpan.FromSeconds(configuration.GetValue("Assembly:VisibilityTimeoutSeconds", DefaultVisibilityTimeoutSeconds));

        var outcome = await worker.RunOnceAsync(
            async (job, token) =>
            {
                await stdout.WriteLineAsync($"film: {job.FilmId}");
                var view = new LineProgressView(stdout);
                var result = await runner.RunAsync(job, new Media.Ffmpeg.SyncProgress<AssemblyProgress>(p => view.Report(job.FilmId, p)), token);
                foreach (var line in ReuseLines.Of(result.Renditions, result.SoundReused)) await stdout.WriteLineAsync(line);
            },
            visibility,
            cancellationToken);
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
}
