using CloudReel.Assembler;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true;
    stop.Cancel();
};

return await AssemblerRun.RunAsync(args, Console.Out, Console.Error, stop.Token);
