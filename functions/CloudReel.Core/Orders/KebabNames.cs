using System.Text;

namespace CloudReel.Core.Orders;

/// <summary>
/// Order names of enum values: the value's name in kebab case ("TopLeft" is "top-left"), the same
/// spelling <see cref="Workflow.WorkflowJson"/> uses, so an order and its timeline read alike.
/// </summary>
public static class KebabNames
{
    public static string Of<T>(T value) where T : struct, Enum => Kebab(value.ToString());

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of).ToArray();

    public static bool TryParse<T>(string name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) != name) continue;
            value = candidate;
            return true;
        }

        value = default;
        return false;
    }

    private static string Kebab(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(pascal[i]));
        }

        return text.ToString();
    }
}
