using System.Text.RegularExpressions;

namespace CloudReel.Core.Planning.Fountain;

/// <summary>
/// Reads a screenplay's body line by line into elements (one instance per parse). Lines of action,
/// dialogue and lyrics gather in an open block that becomes one element when the block ends.
/// </summary>
internal sealed partial class FountainBodyReader(IReadOnlyList<string> lines, int start)
{
    private readonly List<FountainElement> _elements = [];
    private readonly List<string> _openLines = [];
    private FountainElementKind? _openKind;
    private int _index;
    private bool _inDialogue;
    private bool _inAction;
    private bool _afterHeading;

    public IReadOnlyList<FountainElement> Read()
    {
        for (_index = start; _index < lines.Count; _index++)
        {
            var line = lines[_index];
            if (line.Trim().Length == 0)
            {
                ReadEmptyLine(line);
                continue;
            }
            if (_inDialogue)
            {
                ReadDialogueLine(line.Trim());
                continue;
            }
            var wasAfterHeading = _afterHeading;
            _afterHeading = false;
            ReadLine(line, wasAfterHeading);
        }
        CloseBlock();
        return _elements;
    }

    /// <summary>Two spaces keep a blank line inside dialogue or action; any other empty line ends the block.</summary>
    private void ReadEmptyLine(string line)
    {
        var forcedBlank = line.Length >= 2 && line.All(c => c == ' ');
        if (forcedBlank && _openKind is FountainElementKind.Dialogue or FountainElementKind.Action)
        {
            _openLines.Add("");
            return;
        }
        CloseBlock();
        _inDialogue = false;
        _inAction = false;
        _afterHeading = false;
    }

    private void ReadLine(string line, bool afterHeading)
    {
        var trimmed = line.Trim();
        if (PageBreak().IsMatch(trimmed)) Add(new(FountainElementKind.PageBreak, ""));
        else if (trimmed[0] == '~') AddLyrics(trimmed[1..].Trim());
        else if (trimmed.Length >= 2 && trimmed[0] == '>' && trimmed[^1] == '<') Add(new(FountainElementKind.Centered, Clean(trimmed[1..^1])));
        else if (trimmed[0] == '#') Add(new(FountainElementKind.Section, Clean(trimmed.TrimStart('#'))) { Depth = trimmed.Length - trimmed.TrimStart('#').Length });
        else if (trimmed[0] == '=') Add(new(FountainElementKind.Synopsis, Clean(trimmed[1..])));
        else if (trimmed[0] == '!') AddAction(trimmed[1..]);
        else if (_inAction) AddAction(line);
        else ReadBlockStart(trimmed, line, afterHeading || PrecededByBlank());
    }

    /// <summary>The first line of a block: heading, transition, character or action.</summary>
    private void ReadBlockStart(string trimmed, string line, bool precededByBlank)
    {
        if (precededByBlank && TryHeading(trimmed)) return;
        if (trimmed[0] == '>')
        {
            Add(new(FountainElementKind.Transition, Clean(trimmed[1..])));
        }
        else if (precededByBlank && NextIsBlank() && IsTransition(trimmed))
        {
            Add(new(FountainElementKind.Transition, Clean(trimmed)));
        }
        else if (TryCharacter(trimmed, precededByBlank))
        {
            _inDialogue = true;
        }
        else
        {
            AddAction(line);
        }
    }

    private bool TryHeading(string trimmed)
    {
        string body;
        if (trimmed.Length > 1 && trimmed[0] == '.' && trimmed[1] != '.') body = trimmed[1..].TrimStart();
        else if (HeadingPrefix().IsMatch(trimmed)) body = trimmed;
        else return false;

        var number = SceneNumber().Match(body);
        var heading = new FountainElement(FountainElementKind.SceneHeading, Clean(number.Success ? body[..number.Index] : body))
        {
            SceneNumber = number.Success ? number.Groups[1].Value : null,
        };
        Add(heading);
        _afterHeading = true;
        return true;
    }

    private static bool IsTransition(string trimmed) =>
        trimmed.EndsWith("TO:", StringComparison.Ordinal) && !trimmed.Any(char.IsLower);

    private bool TryCharacter(string trimmed, bool precededByBlank)
    {
        if (NextIsBlank()) return false;
        var forced = trimmed[0] == '@';
        if (!forced && !precededByBlank) return false;
        var name = forced ? trimmed[1..].Trim() : trimmed;
        var dual = name.EndsWith('^');
        if (dual) name = name[..^1].TrimEnd();

        var open = name.IndexOf('(', StringComparison.Ordinal);
        var namePart = (open >= 0 ? name[..open] : name).Trim();
        var extension = open >= 0 ? name[open..].Trim() : null;
        if (namePart.Length == 0) return false;
        if (!forced && (!namePart.Any(char.IsLetter) || namePart.Any(char.IsLower))) return false;
        if (!forced && extension is not null && !extension.EndsWith(')')) return false;

        if (dual) MarkPreviousCharacterDual();
        Add(new(FountainElementKind.Character, Clean(namePart)) { Extension = extension, IsDualDialogue = dual });
        return true;
    }

    private void MarkPreviousCharacterDual()
    {
        var previous = _elements.FindLastIndex(e => e.Kind == FountainElementKind.Character);
        if (previous >= 0) _elements[previous] = _elements[previous] with { IsDualDialogue = true };
    }

    private void ReadDialogueLine(string trimmed)
    {
        if (trimmed.Length >= 2 && trimmed[0] == '(' && trimmed[^1] == ')')
        {
            Add(new(FountainElementKind.Parenthetical, Clean(trimmed)));
        }
        else
        {
            AddToBlock(FountainElementKind.Dialogue, Clean(trimmed));
        }
    }

    private void AddAction(string line)
    {
        AddToBlock(FountainElementKind.Action, FountainEmphasis.Strip(line.TrimEnd()));
        _inAction = true;
    }

    private void AddLyrics(string text) => AddToBlock(FountainElementKind.Lyrics, Clean(text));

    private void AddToBlock(FountainElementKind kind, string line)
    {
        if (_openKind != kind) CloseBlock();
        _openKind = kind;
        _openLines.Add(line);
    }

    private void CloseBlock()
    {
        if (_openKind is { } kind) _elements.Add(new(kind, string.Join("\n", _openLines)));
        _openKind = null;
        _openLines.Clear();
    }

    private void Add(FountainElement element)
    {
        CloseBlock();
        _elements.Add(element);
    }

    private bool PrecededByBlank() => _index == start || lines[_index - 1].Trim().Length == 0;

    private bool NextIsBlank() => _index + 1 >= lines.Count || lines[_index + 1].Trim().Length == 0;

    private static string Clean(string text) => FountainEmphasis.Strip(text.Trim());

    [GeneratedRegex(@"^(?:int\.?/ext|i/e|int|ext|est)[.\s]", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingPrefix();

    [GeneratedRegex(@"\s*#([A-Za-z0-9.\-]+)#\s*$")]
    private static partial Regex SceneNumber();

    [GeneratedRegex("^={3,}$")]
    private static partial Regex PageBreak();
}
