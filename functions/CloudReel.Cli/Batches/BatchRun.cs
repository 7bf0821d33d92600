using CloudReel.Cli.Hosting;
using CloudReel.Core.Batches;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Batches;

/// <summary>Runs a batch for real: every row's film, a cap on films at once, the budget admitted up front.</summary>
public static class BatchRun
{
    /// <summary>
    /// Expands the template and data, admits the batch all or nothing through the batch intake and runs it
    /// with the batch progress view (<see cref="BatchRunner"/>). The same template and data are the same
    /// batch: running the command again carries an interrupted batch on.
    /// </summary>
    public static async Task<int> RunBatchAsync(CliContext context, BatchRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var identity = new[] { await File.ReadAllTextAsync(request.Template.FullName, cancellationToken), await File.ReadAllTextAsync(request.Data.FullName, cancellationToken) };
        var settings = new BatchRunSettings(NameOf(request.Template), $"{request.Template.Name} + {request.Data.Name}", identity, request.Output, request.FilmsAtOnce, request.Budget)
        {
            Detail = request.Detail,
        };
        return await new BatchRunner(context, stdout, stderr).RunAsync(
            settings, (services, cancellation) => BatchInput.ExpandAsync(request, services.GetRequiredService<IBatchExpander>(), cancellation), cancellationToken);
    }

    /// <summary>The template's file name, or its folder's when the file is just "template" (samples/food-guide/template.yaml is "food-guide").</summary>
    private static string NameOf(FileInfo template)
    {
        var name = Path.GetFileNameWithoutExtension(template.Name);
        return name.Equals("template", StringComparison.OrdinalIgnoreCase) && template.Directory is { } folder ? folder.Name : name;
    }
}
