using CloudReel.Core.Orders;

namespace CloudReel.Core.Planning;

/// <summary>Screenplay transitions ("CUT TO:", "DISSOLVE TO:", "FADE OUT.") as film transitions.</summary>
internal static class ScriptTransitions
{
    /// <summary>The transition for <paramref name="text"/>; null for "FADE IN:", which opens rather than joins.</summary>
    public static TransitionSpec? Map(string text, TransitionSpec orderDefault)
    {
        var upper = text.Trim().ToUpperInvariant();
        if (IsFadeIn(upper)) return null;
        if (upper.Contains("CUT", StringComparison.Ordinal)) return TransitionSpec.Cut;
        var seconds = orderDefault.Kind == TransitionKind.Cut || orderDefault.Seconds <= 0 ? TransitionSpec.DefaultSeconds : orderDefault.Seconds;
        var kind = upper switch
        {
            _ when upper.Contains("DISSOLVE", StringComparison.Ordinal) => TransitionKind.Dissolve,
            _ when upper.StartsWith("FADE OUT", StringComparison.Ordinal) || upper.StartsWith("FADE TO BLACK", StringComparison.Ordinal) => TransitionKind.FadeBlack,
            _ when upper.StartsWith("FADE TO WHITE", StringComparison.Ordinal) => TransitionKind.FadeWhite,
            _ => TransitionKind.Crossfade,
        };
        return new TransitionSpec(kind, seconds);
    }

    /// <summary>Action paragraphs writers use as transitions without forcing them ("FADE OUT.", "FADE IN:").</summary>
    public static bool LooksLikeTransition(string action)
    {
        var upper = action.Trim().TrimEnd('.', ':').ToUpperInvariant();
        return !action.Any(char.IsLower)
            && upper is "FADE IN" or "FADE OUT" or "FADE TO BLACK" or "FADE TO WHITE" or "THE END";
    }

    public static bool IsFadeIn(string text) => text.Trim().TrimEnd('.', ':').Equals("FADE IN", StringComparison.OrdinalIgnoreCase);

    public static bool IsEnd(string text) => text.Trim().TrimEnd('.').Equals("THE END", StringComparison.OrdinalIgnoreCase);
}
