using System.Globalization;
using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly;

/// <summary>
/// What a draft preview is assembled as: the same cut, captions, titles, label, logo and sound, but
/// the master's rendition alone at a smaller size (<see cref="AssemblyOptions.DraftShortSide"/>), a fast
/// preset, longer chunks (<see cref="AssemblyOptions.DraftMaxClipsPerChunk"/>), no clean master; its files named <c>&lt;name&gt;.draft.&lt;aspect&gt;.mp4</c>, its title
/// marked "(draft)" and a metadata comment saying what it is.
/// </summary>
internal static class DraftProfile
{
    public static (FilmTimeline Timeline, AssemblyOptions Options) Apply(FilmTimeline timeline, AssemblyOptions options)
    {
        var renditions = timeline.EffectiveRenditions();
        var master = renditions.FirstOrDefault(r => r.Aspect == timeline.Aspect) ?? renditions[0];
        var draft = timeline with
        {
            Title = $"{timeline.Title} (draft)",
            OutputName = $"{timeline.OutputName}.draft",
            Size = Smaller(timeline.Size, timeline.Aspect, options.DraftShortSide),
            Renditions = [master with { Size = Smaller(master.Size, master.Aspect, options.DraftShortSide) }],
            CleanMaster = false,
        };
        return (draft, options with { Preset = options.DraftPreset, Crf = options.DraftCrf, MaxClipsPerChunk = options.DraftMaxClipsPerChunk });
    }

    /// <summary>The metadata comment of a draft.</summary>
    public static string Describe(FilmTimeline draft, AssemblyOptions options) => string.Create(
        CultureInfo.InvariantCulture,
        $"CloudReel draft preview ({draft.EffectiveRenditions()[0].Size}, x264 {options.Preset} crf {options.Crf}): not the finished film");

    private static Core.Orders.FrameSize Smaller(Core.Orders.FrameSize size, Core.Orders.AspectRatio aspect, int shortSide) =>
        Math.Min(size.Width, size.Height) <= shortSide ? size : aspect.FrameFor(shortSide);
}
