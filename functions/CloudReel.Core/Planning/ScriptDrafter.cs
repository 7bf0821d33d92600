using System.Globalization;
using System.Text.RegularExpressions;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning.Fountain;
using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Planning;

/// <summary>
/// Drafts shots from a screenplay: every action paragraph of a scene is a shot, prompted with the
/// scene's heading; dialogue captions the shot it follows; transitions set the previous shot's
/// outgoing transition. A scene without action becomes one shot of its heading and its characters.
/// </summary>
internal sealed class ScriptDrafter
{
    private readonly TransitionSpec _orderTransition;
    private readonly IReadOnlyList<string> _characterNames;
    private readonly List<DraftShot> _drafts = [];
    private readonly List<string> _pendingDialogue = [];
    private readonly List<string> _onScreen = [];
    private readonly List<string> _pendingSpeakers = [];
    private readonly List<DraftLine> _pendingLines = [];
    private string? _speaker;
    private string? _voice;
    private SceneContext _scene = SceneContext.None;
    private int _sceneNumber;
    private bool _sceneOpen;
    private bool _sceneHasShot;

    private ScriptDrafter(TransitionSpec orderTransition, IReadOnlyList<string> characterNames)
    {
        _orderTransition = orderTransition;
        _characterNames = characterNames;
    }

    public static List<DraftShot> Draft(FountainDocument script, TransitionSpec orderTransition)
    {
        var names = script.Elements
            .Where(e => e.Kind == FountainElementKind.Character && !e.Text.Any(char.IsLower))
            .Select(e => e.Text)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(n => n.Length)
            .ToList();
        var drafter = new ScriptDrafter(orderTransition, names);
        foreach (var element in script.Elements) drafter.Read(element);
        drafter.CloseScene();
        return drafter._drafts;
    }

    private void Read(FountainElement element)
    {
        switch (element.Kind)
        {
            case FountainElementKind.SceneHeading:
                CloseScene();
                _scene = SceneContext.FromHeading(element.Text);
                _sceneNumber++;
                _sceneOpen = true;
                break;
            case FountainElementKind.Action when ScriptTransitions.LooksLikeTransition(element.Text):
                if (!ScriptTransitions.IsEnd(element.Text)) SetOutgoing(element.Text);
                break;
            case FountainElementKind.Action:
                AddActionShot(SoftenNames(Whitespace.Collapse(element.Text)));
                break;
            case FountainElementKind.Character:
                NoteCharacter(element);
                _speaker = ScriptCast.OffScreen(element) ? null : element.Text;
                _voice = element.Text;
                break;
            case FountainElementKind.Dialogue:
                AddDialogue(ScriptDialogue.Clean(element.Text));
                break;
            case FountainElementKind.Transition:
                SetOutgoing(element.Text);
                break;
        }
    }

    private void AddActionShot(string action)
    {
        if (action.Length == 0) return;
        var context = _scene.Describe();
        var prompt = context.Length > 0 ? $"{context}: {action}" : action;
        _drafts.Add(new DraftShot
        {
            Prompt = prompt,
            CaptionTexts = [.. _pendingDialogue],
            TimingTexts = [action, .. _pendingDialogue],
            IdText = action,
            CameraText = action,
            Speakers = [.. _pendingSpeakers],
            Lines = [.. _pendingLines],
            Scene = _sceneNumber > 0 ? _sceneNumber : null,
        });
        _pendingDialogue.Clear();
        _pendingSpeakers.Clear();
        _pendingLines.Clear();
        _sceneHasShot = true;
        _sceneOpen = true;
    }

    private void AddDialogue(string line)
    {
        if (line.Length == 0) return;
        _sceneOpen = true;
        if (!_sceneHasShot)
        {
            _pendingDialogue.Add(line);
            if (_speaker is not null) _pendingSpeakers.Add(_speaker);
            if (_voice is not null) _pendingLines.Add(new DraftLine(_voice, line));
            return;
        }
        var last = _drafts[^1];
        _drafts[^1] = last with
        {
            CaptionTexts = [.. last.CaptionTexts, line],
            TimingTexts = [.. last.TimingTexts, line],
            Speakers = _speaker is null ? last.Speakers : [.. last.Speakers, _speaker],
            Lines = _voice is null ? last.Lines : [.. last.Lines, new DraftLine(_voice, line)],
        };
    }

    /// <summary>Voices off screen (V.O., O.S., O.C.) are heard, not seen, so they are not "present".</summary>
    private void NoteCharacter(FountainElement character)
    {
        if (ScriptCast.OffScreen(character)) return;
        var name = character.Text.Any(char.IsLower) ? character.Text : TitleCase(character.Text);
        if (!_onScreen.Contains(name, StringComparer.Ordinal)) _onScreen.Add(name);
    }

    private void SetOutgoing(string transitionText)
    {
        var transition = ScriptTransitions.Map(transitionText, _orderTransition);
        if (transition is null) return;
        FlushSceneShot();
        if (_drafts.Count > 0) _drafts[^1] = _drafts[^1] with { Transition = transition };
    }

    private void CloseScene()
    {
        FlushSceneShot();
        _scene = SceneContext.None;
        _sceneOpen = false;
        _sceneHasShot = false;
        _onScreen.Clear();
    }

    /// <summary>A scene that has shown nothing yet gets one shot of its heading and the characters in it.</summary>
    private void FlushSceneShot()
    {
        if (!_sceneOpen || _sceneHasShot) return;
        var context = _scene.Describe();
        var people = JoinNames(_onScreen);
        var prompt = (context, people) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => $"{context}: {people}.",
            ({ Length: > 0 }, _) => context + ".",
            (_, { Length: > 0 }) => people + ".",
            _ => "",
        };
        if (prompt.Length == 0 && _pendingDialogue.Count == 0) return;
        _drafts.Add(new DraftShot
        {
            Prompt = prompt.Length > 0 ? prompt : _pendingDialogue[0],
            CaptionTexts = [.. _pendingDialogue],
            TimingTexts = [prompt, .. _pendingDialogue],
            IdText = _scene.Location.Length > 0 ? _scene.Location : people,
            CameraText = _scene.Location,
            Speakers = [.. _pendingSpeakers],
            Lines = [.. _pendingLines],
        });
        _pendingDialogue.Clear();
        _pendingSpeakers.Clear();
        _pendingLines.Clear();
        _sceneHasShot = true;
    }

    /// <summary>Screenplays introduce characters in capitals ("MEI runs"); a prompt reads better with "Mei runs".</summary>
    private string SoftenNames(string action)
    {
        foreach (var name in _characterNames)
        {
            action = Regex.Replace(action, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])", TitleCase(name), RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        return action;
    }

    private static string TitleCase(string name) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());

    private static string JoinNames(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };
}
