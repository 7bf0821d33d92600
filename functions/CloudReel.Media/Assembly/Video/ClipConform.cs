using CloudReel.Core.Orders;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly.Video;

/// <summary>The filter chains that conform a source clip to the film, inline in whatever graph uses it.</summary>
internal static class ClipConform
{
    /// <summary>
    /// The whole source on the film's terms: constant frame rate first (VFR sources), fit inside the
    /// frame by display aspect (so non-square pixels come out right), pad, square pixels, 4:2:0,
    /// frame n at n/fps. This is also exactly what a normalised copy holds.
    /// </summary>
    public static string Conform(FrameSize size, int fps) => Timing(fps) + "," + Picture(size, fps);

    /// <summary>
    /// Frames [<paramref name="skip"/>, <paramref name="skip"/> + <paramref name="frames"/>) of the
    /// conformed source, a source that ends early padded by repeating its last frame. The frames are
    /// picked on the film's clock before they are scaled, so frames before the stretch (the head of a
    /// clip whose tail a transition shows) are decoded but never scaled or padded.
    /// </summary>
    public static string Stretch(FrameSize size, int fps, int skip, int frames) =>
        Timing(fps) + "," +
        $"tpad=stop_mode=clone:stop={Number(skip + frames)},trim=start_frame={Number(skip)}:end_frame={Number(skip + frames)}," +
        Picture(size, fps);

    private static string Timing(int fps) => $"setpts=PTS-STARTPTS,fps={Number(fps)}";

    private static string Picture(FrameSize size, int fps)
    {
        var (w, h) = (Number(size.Width), Number(size.Height));
        var wider = $"gt(dar,{w}/{h})";
        return $"scale=w='if({wider},{w},max(2,2*round({h}*dar/2)))':h='if({wider},max(2,2*round({w}/dar/2)),{h})'," +
            $"setsar=1,pad={w}:{h}:(ow-iw)/2:(oh-ih)/2:color=black,format=yuv420p,{Renumber(fps)}";
    }

    /// <summary>A number of frames as seconds, for -t and -ss.</summary>
    public static string Seconds(int frames, int fps) => Number((double)frames / fps);

    /// <summary>Exact timestamps (frame n at n/fps) keep xfade offsets and concat joins exact.</summary>
    public static string Renumber(int fps) => $"setpts=N/({Number(fps)}*TB)";
}
