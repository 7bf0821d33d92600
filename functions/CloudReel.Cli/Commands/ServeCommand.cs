using System.CommandLine;
using System.Net;
using CloudReel.Api;
using CloudReel.Cli.Hosting;
using Microsoft.Extensions.Options;

namespace CloudReel.Cli.Commands;

/// <summary>
/// `cloudreel serve`: the HTTP API of the Functions app on this machine, films running on the local
/// engine. Listens on 127.0.0.1 unless told otherwise; every route but health, the OpenAPI document and
/// signed output links needs the API key.
/// </summary>
public static class ServeCommand
{
    public static Command Create(GlobalOptions global)
    {
        var port = new Option<int>("--port") { Description = "TCP port to listen on.", DefaultValueFactory = _ => 5080 };
        var address = new Option<string>("--address")
        {
            Description = "Address to listen on (default 127.0.0.1; 0.0.0.0 exposes the API to the network).",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "Folder for film outputs with a folder store; each film gets a sub-folder named by its id.",
            DefaultValueFactory = _ => new DirectoryInfo("out"),
        };
        var command = new Command("serve", "Serve the CloudReel HTTP API (the Azure Functions routes) on this machine.") { port, address, output };
        command.SetAction((parse, cancellationToken) => RunAsync(
            global.Resolve(parse), parse.GetValue(address)!, parse.GetValue(port), parse.GetValue(output)!, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(
        CliContext context, string address, int port, DirectoryInfo output, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            await stderr.WriteLineAsync($"--address: '{address}' is not an IP address.");
            return ExitCodes.InvalidInput;
        }

        using var loggerFactory = context.CreateLoggerFactory();
        ServeHost host;
        try
        {
            host = await ServeHost.StartAsync(context, ip, port, output.FullName, loggerFactory, cancellationToken);
        }
        catch (FormatException badSetting)
        {
            await stderr.WriteLineAsync(badSetting.Message);
            return ExitCodes.InvalidInput;
        }
        catch (OptionsValidationException badSettings)
        {
            foreach (var failure in badSettings.Failures) await stderr.WriteLineAsync($"{ApiOptions.Section}: {failure}");
            return ExitCodes.InvalidInput;
        }
        catch (IOException cannotListen)
        {
            await stderr.WriteLineAsync($"Cannot listen on {address}:{port}: {cannotListen.Message}");
            return ExitCodes.Environment;
        }

        await using (host)
        {
            await stdout.WriteLineAsync($"CloudReel API on {host.Address}api/ (OpenAPI: {host.Address}{ApiRoutes.OpenApi.Pattern.TrimStart('/')})");
            await stdout.WriteLineAsync($"API key: from {host.KeySource}; send it as x-api-key. Clip store: {host.Store.Describe()}");
            await stdout.WriteLineAsync($"Studio (web dashboard): {host.Address} (it asks for the API key)");
            if (host.Resumed.Count > 0) await stdout.WriteLineAsync($"Carrying on {host.Resumed.Count} unfinished film(s): {string.Join(", ", host.Resumed)}");
            await stdout.WriteLineAsync("Press Ctrl+C to stop; running films carry on at the next start.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await stdout.WriteLineAsync("Stopping.");
            }
        }

        return ExitCodes.Success;
    }
}
