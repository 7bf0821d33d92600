using System.Globalization;

namespace CloudReel.Core.Orders;

/// <summary>Checks that the files an order names exist, are files it may use, and are not too large, through <see cref="IOrderFiles"/>.</summary>
internal static class FileChecks
{
    public static async Task RunAsync(CheckContext context, IOrderFiles files, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var (field, path) in context.Order.ReferencedFiles())
        {
            // Written as {file: ...}: point at the file, not the mapping.
            var at = context.Index.Has(FieldPath.Child(field, "file")) ? FieldPath.Child(field, "file") : field;
            long? size;
            try
            {
                if (!sizes.TryGetValue(path, out size))
                {
                    size = await files.GetSizeAsync(path, cancellationToken);
                    sizes[path] = size;
                }
            }
            catch (OrderFileRefusedException refused)
            {
                context.Report(at, refused.Message);
                continue;
            }

            var type = TypeOf(field);
            if (size is null && RemoteImages.IsUrl(path)) context.Report(at, $"the image at {path} was not fetched with the order");
            else if (size is null) context.Report(at, $"file not found: {path} (relative to the order file)");
            else if (size > type.MaxBytes) context.Report(at, $"{path} is {Megabytes(size.Value)}; at most {Megabytes(type.MaxBytes)} is allowed here");
        }
    }

    internal static PathType TypeOf(string field) => field switch
    {
        "music" => OrderFormat.Music,
        "logo" => OrderFormat.Logo,
        "script" => OrderFormat.Script,
        "workflow" => OrderFormat.Workflow,
        _ when field.EndsWith(".voiceover", StringComparison.Ordinal) => OrderFormat.VoiceOver,
        _ => OrderFormat.Image,
    };

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}
