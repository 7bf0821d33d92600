using CloudReel.Local.CrashHost;
using CloudReel.Local.Engine;

if (args.Length != 3)
{
    await Console.Error.WriteLineAsync("usage: CloudReel.Local.CrashHost <journal-path> <instance-id> <execution-log-path>");
    return 2;
}

await using var engine = await LocalWorkflowEngine.OpenAsync(new LocalEngineOptions { JournalPath = args[0] }, SlowFilm.CreateRegistry(args[2]));
await engine.StartAsync(SlowFilm.Name, args[1], SlowFilm.StepCount);
await engine.WaitForCompletionAsync(args[1]);
return 0;
