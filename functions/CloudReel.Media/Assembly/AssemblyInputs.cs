namespace CloudReel.Media.Assembly;

/// <summary>Full local paths of everything a timeline names: clips (in timeline order), music, logo, voice-overs (by clip index).</summary>
internal sealed record AssemblyInputs(
    IReadOnlyList<string> Clips,
    string? Music,
    string? Logo,
    IReadOnlyDictionary<int, string> VoiceOvers);
