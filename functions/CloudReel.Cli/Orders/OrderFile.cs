using CloudReel.Core.Intake;
using CloudReel.Core.Orders;
using CloudReel.Local.Orders;

namespace CloudReel.Cli.Orders;

/// <summary>An order file on disk, validated by the film intake against the files beside it and the models known here.</summary>
public sealed record OrderFile(string Path, OrderDocument Document, OrderLoadResult Result)
{
    /// <summary>The folder the order's paths are relative to.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    /// <summary>The order's files, where they are.</summary>
    public LocalOrderFiles Files => new(Directory);

    public static async Task<OrderFile> LoadAsync(string path, FilmIntake intake, CancellationToken cancellationToken)
    {
        var document = OrderDocument.FromFile(await File.ReadAllTextAsync(path, cancellationToken), path, DisplayName(path));
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        return new OrderFile(path, document, await intake.ValidateAsync(document, new LocalOrderFiles(directory), cancellationToken));
    }

    /// <summary>Prints every error, one per line, in the file:line:column form editors jump to.</summary>
    public void PrintErrors(TextWriter errors)
    {
        foreach (var error in Result.Errors)
        {
            errors.WriteLine(error);
        }

        errors.WriteLine($"{Result.Errors.Count} error(s): the order was not accepted.");
    }

    /// <summary>The path as the user typed it, relative to the current folder when inside it.</summary>
    private static string DisplayName(string path)
    {
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, System.IO.Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) ? System.IO.Path.GetFullPath(path) : relative;
    }
}
