using CloudReel.Core.Batches;
using CloudReel.Core.Intake;
using CloudReel.Core.Orders;
using CloudReel.Local.Orders;

namespace CloudReel.Cli.Batches;

/// <summary>A batch's template and data read from disk and expanded into one validated order per row.</summary>
public static class BatchInput
{
    /// <summary>Every row's order, or every located error (a file that cannot be read is one error).</summary>
    public static async Task<BatchExpansion> ExpandAsync(BatchRequest request, IBatchExpander expander, CancellationToken cancellationToken)
    {
        var templateName = DisplayName(request.Template.FullName);
        var dataName = DisplayName(request.Data.FullName);
        var (templateText, templateRefused) = await ReadAsync(request.Template.FullName, templateName, OrderLimits.OrderBytes, cancellationToken);
        var (dataText, dataRefused) = await ReadAsync(request.Data.FullName, dataName, BatchRequest.MaxDataBytes, cancellationToken);
        if (templateText is null || dataText is null) return new BatchExpansion([], new[] { templateRefused, dataRefused }.OfType<OrderError>().ToList());

        var template = OrderDocument.FromFile(templateText, request.Template.FullName, templateName);
        var files = new LocalOrderFiles(request.Template.DirectoryName!);
        return await expander.ExpandAsync(template, new BatchData(dataText, dataName), files, cancellationToken);
    }

    /// <summary>Prints the first errors in the file:line:column form editors jump to, counts the rest, and says the batch was refused.</summary>
    public static void PrintErrors(BatchExpansion expansion, TextWriter errors)
    {
        foreach (var error in OrderLimits.Shown(expansion.Errors)) errors.WriteLine(error);
        if (expansion.Errors.Count > OrderLimits.ErrorsShown) errors.WriteLine($"… and {expansion.Errors.Count - OrderLimits.ErrorsShown} more error(s) not listed.");
        errors.WriteLine($"{expansion.Errors.Count} error(s): the batch was not accepted; nothing was submitted.");
    }

    private static async Task<(string? Text, OrderError? Refused)> ReadAsync(string path, string name, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            return (await OrderFolder.ReadOrderTextAsync(path, maxBytes, cancellationToken), null);
        }
        catch (OrderFileRefusedException refused)
        {
            return (null, new OrderError(name, 1, 1, "file", refused.Message));
        }
    }

    /// <summary>The path as the user typed it, relative to the current folder when inside it.</summary>
    private static string DisplayName(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
