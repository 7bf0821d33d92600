using System.CommandLine;
using CloudReel.Cli.Batches;
using CloudReel.Cli.Hosting;

namespace CloudReel.Cli.Commands;

/// <summary>
/// `cloudreel batch TEMPLATE DATA [-o DIR] [--dry-run] [--films-at-once N] [--budget X]`: one film per
/// row of DATA (CSV, JSONL or a JSON array) from TEMPLATE (an order with `variables:`). Every row is
/// validated before anything is spent; --dry-run then prints each row's shots and cost, the shots rows
/// share (paid once) and the total against --budget.
/// </summary>
public static class BatchCommand
{
    public const int MaxFilmsAtOnce = 64;

    public static Command Create(GlobalOptions global)
    {
        var template = new Argument<FileInfo>("template") { Description = "The template: a film order (.yaml/.json) that declares `variables:` and uses {{ name }} placeholders." };
        var data = new Argument<FileInfo>("data") { Description = "The rows, one film each: .csv (with a header), .jsonl (one object a line) or .json (an array of objects)." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Where the films' folders go.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate every row and print each film's shots and cost, the shots rows share and the batch total; submit nothing." };
        var filmsAtOnce = new Option<int>("--films-at-once") { Description = $"How many films run at the same time, 1–{MaxFilmsAtOnce}.", DefaultValueFactory = _ => 2 };
        var budget = new Option<decimal?>("--budget") { Description = "The most the whole batch may cost (in the orders' currency, USD by default); a batch whose estimate is over it is not started." };
        var detail = new Option<bool>("--detail") { Description = "While the batch runs, show each running film's shots too." };
        var command = new Command("batch", "Make one film per row of a data file from a template.") { template, data, output, dryRun, filmsAtOnce, budget, detail };
        command.SetAction((parse, cancellationToken) => RunAsync(
            global.Resolve(parse),
            new BatchRequest(parse.GetValue(template)!, parse.GetValue(data)!, parse.GetValue(output)!, parse.GetValue(filmsAtOnce), parse.GetValue(budget)) { Detail = parse.GetValue(detail) },
            parse.GetValue(dryRun),
            Console.Out,
            Console.Error,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, BatchRequest request, bool dryRun, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (request.Problem() is { } problem)
        {
            await stderr.WriteLineAsync(problem);
            return ExitCodes.InvalidInput;
        }

        return dryRun
            ? await BatchDryRun.RunAsync(context, request, stdout, stderr, cancellationToken)
            : await BatchRun.RunBatchAsync(context, request, stdout, stderr, cancellationToken);
    }
}
