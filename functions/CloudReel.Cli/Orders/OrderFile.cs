using CloudReel.Core.Intake;
using CloudReel.Core.Orders;
using CloudReel.Local.Orders;

namespace CloudReel.Cli.Orders;

/// <summary>
/// An order file on disk (a regular file, at most <see cref="OrderLimits.OrderBytes"/>), validated by the
/// film intake against the files beside it and the models known here.
/// </summary>
public sealed record OrderFile(string Path, OrderDocument Document, OrderLoadResult Result)
{
    /// <summary>The folder the order's paths are relative to.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    /// <summary>The order's files, where they are.</summary>
    public LocalOrderFiles Files => new(Directory);

    public static async Task<OrderFile> LoadAsync(string path, FilmIntake intake, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await OrderFolder.ReadOrderTextAsync(path, OrderLimits.OrderBytes, cancellationToken);
        }
        catch (OrderFileRefusedException refused)
        {
            var display = DisplayName(path);
            return new OrderFile(path, OrderDocument.FromFile("", path, display), new OrderLoadResult(null, [new OrderError(display, 1, 1, "order", refused.Message)]));
        }

        var document = OrderDocument.FromFile(text, path, DisplayName(path));
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        return new OrderFile(path, document, await intake.ValidateAsync(document, new LocalOrderFiles(directory), cancellationToken));
    }

    /// <summary>Prints the order's errors (see <see cref="PrintErrors(OrderLoadResult, TextWriter)"/>).</summary>
    public void PrintErrors(TextWriter errors) => PrintErrors(Result, errors);

    /// <summary>Prints the first <see cref="OrderLimits.ErrorsShown"/> errors, one per line, in the file:line:column form editors jump to, and counts the rest.</summary>
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
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, System.IO.Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) ? System.IO.Path.GetFullPath(path) : relative;
    }
}
