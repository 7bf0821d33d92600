using CloudReel.Core.Orders;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Animatic;

/// <summary>
/// A Ken Burns move: zoom and the centre of the view (0..1 of the picture) eased from a start to
/// an end, optionally with a deterministic handheld wobble. Rendered with FFmpeg's zoompan.
/// </summary>
internal sealed record CameraPath(
    double ZoomFrom, double ZoomTo,
    double CentreXFrom, double CentreXTo,
    double CentreYFrom, double CentreYTo,
    double Wobble = 0)
{
    // Pans sit at a fixed zoom so there is picture to move across; this is the travel that zoom allows.
    private const double PanZoom = 1.2;
    private const double PanTravel = (1 - 1 / PanZoom) / 2;

    public static CameraPath For(CameraMove move) => move switch
    {
        CameraMove.PushIn => new(1.0, 1.3, 0.5, 0.5, 0.5, 0.5),
        CameraMove.PullOut => new(1.3, 1.0, 0.5, 0.5, 0.5, 0.5),
        CameraMove.PanLeft => new(PanZoom, PanZoom, 0.5 + PanTravel, 0.5 - PanTravel, 0.5, 0.5),
        CameraMove.PanRight => new(PanZoom, PanZoom, 0.5 - PanTravel, 0.5 + PanTravel, 0.5, 0.5),
        CameraMove.Tracking => new(PanZoom + 0.05, PanZoom + 0.05, 0.5 - PanTravel, 0.5 + PanTravel, 0.52, 0.52),
        CameraMove.TiltUp => new(PanZoom, PanZoom, 0.5, 0.5, 0.5 + PanTravel, 0.5 - PanTravel),
        CameraMove.TiltDown => new(PanZoom, PanZoom, 0.5, 0.5, 0.5 - PanTravel, 0.5 + PanTravel),
        CameraMove.CraneUp => new(1.3, 1.15, 0.5, 0.5, 0.5 + PanTravel, 0.5 - PanTravel),
        CameraMove.CraneDown => new(1.15, 1.3, 0.5, 0.5, 0.5 - PanTravel, 0.5 + PanTravel),
        CameraMove.Aerial => new(1.4, 1.1, 0.5, 0.5, 0.36, 0.5),
        CameraMove.Orbit => new(1.15, 1.28, 0.44, 0.56, 0.56, 0.44),
        CameraMove.Handheld => new(1.1, 1.1, 0.5, 0.5, 0.5, 0.5, Wobble: 0.012),
        _ => new(1.0, 1.05, 0.5, 0.5, 0.5, 0.5),
    };

    /// <summary>
    /// The move begun from the whole picture: for a shot that continues the one before it, whose first
    /// frame must be that shot's last. It ends where the move would, at its closest zoom (a pull-out
    /// becomes a push-in; a pan glides into its end of the picture).
    /// </summary>
    public CameraPath FromWholePicture() => new(1.0, Math.Max(ZoomFrom, ZoomTo), 0.5, CentreXTo, 0.5, CentreYTo);

    /// <summary>The same move with its amplitude scaled (1 = full, 0 = still).</summary>
    public CameraPath Scaled(double amount) => new(
        1 + (ZoomFrom - 1) * amount, 1 + (ZoomTo - 1) * amount,
        0.5 + (CentreXFrom - 0.5) * amount, 0.5 + (CentreXTo - 0.5) * amount,
        0.5 + (CentreYFrom - 0.5) * amount, 0.5 + (CentreYTo - 0.5) * amount,
        Wobble * amount);

    /// <summary>
    /// The zoompan filter for one still turned into <paramref name="frames"/> frames of <paramref name="size"/>.
    /// Expressions use the output frame number, never an accumulated zoom, so every frame is exact.
    /// </summary>
    public string Zoompan(int frames, string size, int fps)
    {
        // Eased progress 0..1: slow in, slow out.
        var p = $"min(1,on/{Number(Math.Max(1, frames - 1))})";
        var ease = $"(0.5-0.5*cos(PI*{p}))";
        var zoom = Lerp(ZoomFrom, ZoomTo, ease);
        var cx = Lerp(CentreXFrom, CentreXTo, ease) + Shake(37, 13, 0);
        var cy = Lerp(CentreYFrom, CentreYTo, ease) + Shake(29, 11, 1.3);
        var x = $"max(0,min(iw-iw/zoom,({cx})*iw-iw/zoom/2))";
        var y = $"max(0,min(ih-ih/zoom,({cy})*ih-ih/zoom/2))";
        return $"zoompan=z='{zoom}':x='{x}':y='{y}':d={Number(frames)}:s={size}:fps={Number(fps)}";
    }

    private static string Lerp(double from, double to, string ease) =>
        from == to ? Number(from) : $"({Number(from)}+{Number(to - from)}*{ease})";

    // Two incommensurate sines per axis: a drift that never visibly repeats, identical on every render.
    private string Shake(int period1, int period2, double phase) => Wobble == 0
        ? ""
        : $"+{Number(Wobble)}*sin(2*PI*on/{Number(period1)}+{Number(phase)})+{Number(Wobble / 2)}*sin(2*PI*on/{Number(period2)})";
}
