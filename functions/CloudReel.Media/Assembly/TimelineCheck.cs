using System.Text.RegularExpressions;
using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly;

/// <summary>Rejects timelines FFmpeg cannot assemble exactly, with a message that names the clip.</summary>
internal static partial class TimelineCheck
{
    /// <summary>Validates the timeline and returns the full path of every file it names.</summary>
    public static AssemblyInputs Validate(FilmTimeline timeline, IReadOnlyDictionary<string, string> files)
    {
        if (timeline.Clips.Count == 0) throw new ArgumentException("The timeline has no clips.", nameof(timeline));
        if (timeline.Fps <= 0) throw new ArgumentException($"The timeline's frame rate must be positive, not {timeline.Fps}.", nameof(timeline));
        CheckSize(timeline.Size, "The picture");
        foreach (var rendition in timeline.Renditions) CheckSize(rendition.Size, $"The {rendition.Aspect} rendition");
        if (timeline.Renditions.Select(r => r.Aspect).Distinct().Count() != timeline.Renditions.Count)
        {
            throw new ArgumentException("Each aspect ratio may have one rendition only: their files share a name.", nameof(timeline));
        }

        if (!SafeName().IsMatch(timeline.OutputName))
        {
            throw new ArgumentException($"Output name '{timeline.OutputName}' must be a plain file name (letters, digits, '.', '_', '-').", nameof(timeline));
        }

        var paths = new List<string>(timeline.Clips.Count);
        var voiceOvers = new Dictionary<int, string>();
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            var clip = timeline.Clips[i];
            var where = $"Clip {i + 1} (shot {clip.ShotId})";
            if (clip.Frames <= 0) throw new ArgumentException($"{where} runs {clip.Frames} frames; it needs at least one.", nameof(timeline));
            if (clip.SourceInSeconds < 0) throw new ArgumentException($"{where} starts at {clip.SourceInSeconds} s in its source.", nameof(timeline));
            CheckTransition(timeline, i, where);
            paths.Add(Require(files, clip.ClipName, $"{where}: clip", bad: true));
            if (clip.VoiceOver is { } voiceOver) voiceOvers[i] = Require(files, voiceOver, $"{where}: voice-over", bad: false);
        }

        CheckOverlays(timeline);

        foreach (var track in timeline.Captions)
        {
            if (!SafeLanguage().IsMatch(track.Language)) throw new ArgumentException($"Caption language '{track.Language}' is not a language tag.", nameof(timeline));
        }

        foreach (var burned in timeline.BurnedLanguages.Where(l => timeline.Captions.All(t => t.Language != l)))
        {
            throw new ArgumentException($"Captions in '{burned}' are to be burned in, but the timeline has no such caption track.", nameof(timeline));
        }

        return new AssemblyInputs(
            paths,
            timeline.Music is { } music ? Require(files, music.Name, "The music", bad: false) : null,
            timeline.Logo is { } logo ? Require(files, logo.Name, "The logo", bad: false) : null,
            voiceOvers);
    }

    private static string Require(IReadOnlyDictionary<string, string> files, string name, string what, bool bad)
    {
        if (!files.TryGetValue(name, out var path)) throw new ArgumentException($"{what} {name}: no local file was given for it.", nameof(files));
        var full = Path.GetFullPath(path);
        if (File.Exists(full)) return full;
        var message = $"{what} file {path} does not exist.";
        throw bad ? new BadClipException(message) : new FileNotFoundException(message, full);
    }

    private static void CheckSize(FrameSize size, string what)
    {
        if (size.Width <= 0 || size.Height <= 0 || size.Width % 2 != 0 || size.Height % 2 != 0)
        {
            throw new ArgumentException($"{what} size must be positive and even for H.264 4:2:0, not {size}.", nameof(size));
        }
    }

    private static void CheckOverlays(FilmTimeline timeline)
    {
        var total = timeline.TotalFrames;
        if (timeline.PosterFrame is { } poster && (poster < 0 || poster >= total))
        {
            throw new ArgumentException($"The poster frame {poster} is outside the film (0-{total - 1}).", nameof(timeline));
        }

        if (timeline.Label is { } label && label.Spans.Any(s => s.Start < 0 || s.End > total || s.End <= s.Start))
        {
            throw new ArgumentException($"A span of the label lies outside the film's {total} frames.", nameof(timeline));
        }

        if (timeline.Logo is { Placement: var p } && (p.Width is <= 0 or > 1 || p.Opacity is <= 0 or > 1))
        {
            throw new ArgumentException($"The logo's width ({p.Width}) and opacity ({p.Opacity}) must be shares between 0 and 1.", nameof(timeline));
        }
    }

    private static void CheckTransition(FilmTimeline timeline, int index, string where)
    {
        var transition = timeline.Clips[index].TransitionOut;
        if (transition is null) return;
        if (transition.Kind == TransitionKind.Cut && transition.Frames != 0)
        {
            throw new ArgumentException($"{where}: a cut has no length, but this one has {transition.Frames} frames.", nameof(timeline));
        }

        if (transition.Frames < 0) throw new ArgumentException($"{where}: transition length {transition.Frames} is negative.", nameof(timeline));
        if (!TimelineFacts.Overlaps(transition)) return;
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
