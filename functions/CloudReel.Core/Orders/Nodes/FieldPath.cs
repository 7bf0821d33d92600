namespace CloudReel.Core.Orders;

/// <summary>Field paths as errors show them: <c>shots[2].caption.en</c>; the order itself is "".</summary>
internal static class FieldPath
{
    public const string Root = "";

    public static string Child(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    public static string Item(string parent, int index) =>
        parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    /// <summary>The enclosing field, or null for the order itself.</summary>
    public static string? Parent(string path)
    {
        if (path.Length == 0) return null;
        var cut = path.LastIndexOfAny(['.', '[']);
        return cut < 0 ? Root : path[..cut];
    }

    public static string Display(string path) => path.Length == 0 ? "order" : path;
}
