namespace CloudReel.Core.Ports;

/// <summary>Where spoken lines are kept: beside the clips, content-addressed, shared by every film.</summary>
public static partial class StoreLayout
{
    public const string SpeechPrefix = ClipsPrefix + "speech/";

    public static string SpeechAudio(string speechKey) => SpeechPrefix + RequireKey(speechKey) + ".wav";

    /// <summary>The line's record (sentences, length, cost), written after its audio: its presence means the line is complete.</summary>
    public static string SpeechRecord(string speechKey) => SpeechPrefix + RequireKey(speechKey) + ".json";
}
