using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Local.Orders;

namespace CloudReel.Cli.Orders;

/// <summary>Reads (a regular file, at most <see cref="OrderLimits.OrderBytes"/>) and validates an order file from disk, against the files beside it and the models known here.</summary>
public static class OrderFile
{
    public static async Task<OrderLoadResult> LoadAsync(string path, IVideoModelCatalog models, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await OrderFolder.ReadOrderTextAsync(path, OrderLimits.OrderBytes, cancellationToken);
        }
        catch (OrderFileRefusedException refused)
        {
            return new OrderLoadResult(null, [new OrderError(DisplayName(path), 1, 1, "order", refused.Message)]);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var loader = new OrderLoader(new LocalOrderFiles(directory), models.CapabilitiesByName(), models.UnconfiguredModels());
        return await loader.LoadAsync(text, DisplayName(path), cancellationToken);
    }

    /// <summary>Prints every error, one per line, in the file:line:column form editors jump to.</summary>
    public static void PrintErrors(OrderLoadResult result, TextWriter errors)
    {
        foreach (var error in OrderLimits.Shown(result.Errors))
        {
            errors.WriteLine(error);
        }

        if (result.Errors.Count > OrderLimits.ErrorsShown) errors.WriteLine($"… and {result.Errors.Count - OrderLimits.ErrorsShown} more error(s) not listed.");

        errors.WriteLine($"{result.Errors.Count} error(s): the order was not accepted.");
    }

    /// <summary>The path as the user typed it, relative to the current folder when inside it.</summary>
    private static string DisplayName(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative;
    }
}
