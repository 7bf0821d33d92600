using System.CommandLine;
using CloudReel.Cli.Commands;
using CloudReel.Cli.Hosting;

namespace CloudReel.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("CloudReel: film orders in, AI-generated films out.");
        global.AddTo(root);
        root.Subcommands.Add(RenderCommand.Create(global));
        root.Subcommands.Add(ValidateCommand.Create(global));
        root.Subcommands.Add(PlanCommand.Create(global));
        root.Subcommands.Add(ResumeCommand.Create(global));
        root.Subcommands.Add(StatusCommand.Create(global));
        root.Subcommands.Add(ApproveCommand.Create(global));
        root.Subcommands.Add(ModelsCommand.Create(global));
        root.Subcommands.Add(VoicesCommand.Create(global));
        root.Subcommands.Add(ServeCommand.Create(global));
        root.Subcommands.Add(AssembleCommand.Create(global));
        root.Subcommands.Add(BatchCommand.Create(global));
        return await root.Parse(args).InvokeAsync();
    }
}
