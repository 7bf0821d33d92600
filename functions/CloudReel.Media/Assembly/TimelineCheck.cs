using System.Text.RegularExpressions;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly;

/// <summary>Rejects timelines FFmpeg cannot assemble exactly, with a message that names the clip.</summary>
internal static partial class TimelineCheck
{
    /// <summary>Validates the timeline and returns the full path of every clip, in timeline order.</summary>
    public static IReadOnlyList<string> Validate(FilmTimeline timeline, IReadOnlyDictionary<string, string> clipPaths)
    {
        if (timeline.Clips.Count == 0) throw new ArgumentException("The timeline has no clips.", nameof(timeline));
        if (timeline.Fps <= 0) throw new ArgumentException($"The timeline's frame rate must be positive, not {timeline.Fps}.", nameof(timeline));
        var size = timeline.Size;
        if (size.Width <= 0 || size.Height <= 0 || size.Width % 2 != 0 || size.Height % 2 != 0)
        {
            throw new ArgumentException($"The picture size must be positive and even for H.264 4:2:0, not {size}.", nameof(timeline));
        }

        if (!SafeName().IsMatch(timeline.OutputName))
        {
            throw new ArgumentException($"Output name '{timeline.OutputName}' must be a plain file name (letters, digits, '.', '_', '-').", nameof(timeline));
        }

        var paths = new List<string>(timeline.Clips.Count);
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            var clip = timeline.Clips[i];
            var where = $"Clip {i + 1} (shot {clip.ShotId})";
            if (clip.Frames <= 0) throw new ArgumentException($"{where} runs {clip.Frames} frames; it needs at least one.", nameof(timeline));
            if (clip.SourceInSeconds < 0) throw new ArgumentException($"{where} starts at {clip.SourceInSeconds} s in its source.", nameof(timeline));
            CheckTransition(timeline, i, where);
            if (!clipPaths.TryGetValue(clip.ClipName, out var path))
            {
                throw new ArgumentException($"{where}: no local file was given for clip {clip.ClipName}.", nameof(clipPaths));
            }

            var full = Path.GetFullPath(path);
            if (!File.Exists(full)) throw new BadClipException($"{where}: clip file {path} does not exist.");
            paths.Add(full);
        }

        foreach (var track in timeline.Captions)
        {
            if (!SafeLanguage().IsMatch(track.Language)) throw new ArgumentException($"Caption language '{track.Language}' is not a language tag.", nameof(timeline));
        }

        if (timeline.BurnedCaptionLanguage is { } burned && timeline.Captions.All(t => t.Language != burned))
        {
            throw new ArgumentException($"Captions in '{burned}' are to be burned in, but the timeline has no such caption track.", nameof(timeline));
        }

        return paths;
    }

    /// <summary>Whether a clip hands over with an overlap (xfade) rather than a cut.</summary>
    public static bool Overlaps(TimelineTransition? transition) =>
        transition is { Kind: not TransitionKind.Cut, Frames: > 0 };

    private static void CheckTransition(FilmTimeline timeline, int index, string where)
    {
        var transition = timeline.Clips[index].TransitionOut;
        if (transition is null) return;
        if (transition.Kind == TransitionKind.Cut && transition.Frames != 0)
        {
            throw new ArgumentException($"{where}: a cut has no length, but this one has {transition.Frames} frames.", nameof(timeline));
        }

        if (transition.Frames < 0) throw new ArgumentException($"{where}: transition length {transition.Frames} is negative.", nameof(timeline));
        if (!Overlaps(transition)) return;
        if (index == timeline.Clips.Count - 1)
        {
            throw new ArgumentException($"{where} is the last clip; it has nothing to {TransitionNames.NameOf(transition.Kind)} into.", nameof(timeline));
        }

        var next = timeline.Clips[index + 1];
        var before = timeline.Clips[index];
        if (transition.Frames > before.Frames || transition.Frames > next.Frames)
        {
            throw new ArgumentException(
                $"{where}: the {transition.Frames}-frame {TransitionNames.NameOf(transition.Kind)} is longer than the clips it joins ({before.Frames} and {next.Frames} frames).",
                nameof(timeline));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$")]
    private static partial Regex SafeName();

    [GeneratedRegex("^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex SafeLanguage();
}
