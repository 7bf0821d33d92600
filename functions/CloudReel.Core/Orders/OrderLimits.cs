namespace CloudReel.Core.Orders;

/// <summary>How large an order and the files it names may be: read no further than this.</summary>
public static class OrderLimits
{
    /// <summary>An order file, a brief or a screenplay read on its own.</summary>
    public const long OrderBytes = 1024 * 1024;

    /// <summary>The most any file of an order may hold, whatever its field (music's limit).</summary>
    public static long AnyFileBytes => OrderFormat.Music.MaxBytes;

    /// <summary>The most bytes the file in <paramref name="field"/> (e.g. "music", "shots[2].image") may hold.</summary>
    public static long FileBytes(string field) => FileChecks.TypeOf(field).MaxBytes;

    /// <summary>How many errors an answer lists (CLI and API alike); the rest are counted, not listed.</summary>
    public const int ErrorsShown = 100;

    /// <summary>The errors to list: the first <see cref="ErrorsShown"/>, in order.</summary>
    public static IReadOnlyList<OrderError> Shown(IReadOnlyList<OrderError> errors) => errors.Count <= ErrorsShown ? errors : errors.Take(ErrorsShown).ToList();
}
