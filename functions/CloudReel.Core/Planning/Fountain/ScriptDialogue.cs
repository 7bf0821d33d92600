using System.Text.RegularExpressions;
using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Planning.Fountain;

/// <summary>Dialogue as the viewer hears it: asides in brackets ("(softly)", "（压低声音）") are directions for the actor, not words.</summary>
internal static partial class ScriptDialogue
{
    public static string Clean(string dialogue) => Whitespace.Collapse(Aside().Replace(dialogue, " "));

    [GeneratedRegex(@"\([^)]*\)|（[^）]*）|\[[^\]]*\]|【[^】]*】")]
    private static partial Regex Aside();
}
