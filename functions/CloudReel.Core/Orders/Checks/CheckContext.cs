namespace CloudReel.Core.Orders;

/// <summary>What the checks after binding work on: the bound order, where its fields stood, and the problems so far.</summary>
internal sealed class CheckContext(FilmOrder order, NodeIndex index, OrderProblems problems)
{
    public FilmOrder Order { get; } = order;

    public NodeIndex Index { get; } = index;

    /// <summary>Reports a problem with a field, unless validation already rejected it (or a field around it).</summary>
    public void Report(string path, string message, bool atKey = false)
    {
        if (Index.IsRejected(path)) return;
        problems.Add(Index.Locate(path, atKey), path, message);
    }

    public static string ShotPath(int shot, string field) => FieldPath.Child(FieldPath.Item("shots", shot), field);
}
