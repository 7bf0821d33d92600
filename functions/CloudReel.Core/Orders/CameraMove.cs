namespace CloudReel.Core.Orders;

/// <summary>A camera hint for a shot: phrased into the prompt, and followed by the animatic's Ken Burns move.</summary>
public enum CameraMove
{
    Static,
    PushIn,
    PullOut,
    PanLeft,
    PanRight,
    TiltUp,
    TiltDown,
    CraneUp,
    CraneDown,
    Orbit,
    Tracking,
    Aerial,
    Handheld,
}

/// <summary>Order names of camera moves and the phrase each adds to a prompt.</summary>
public static class CameraMoves
{
    private static readonly (CameraMove Move, string Name, string Phrase)[] Table =
    [
        (CameraMove.Static, "static", "static camera, locked-off shot"),
        (CameraMove.PushIn, "push-in", "slow push-in towards the subject"),
        (CameraMove.PullOut, "pull-out", "slow pull-out revealing the scene"),
        (CameraMove.PanLeft, "pan-left", "smooth pan to the left"),
        (CameraMove.PanRight, "pan-right", "smooth pan to the right"),
        (CameraMove.TiltUp, "tilt-up", "camera tilts up"),
        (CameraMove.TiltDown, "tilt-down", "camera tilts down"),
        (CameraMove.CraneUp, "crane-up", "crane shot rising upwards"),
        (CameraMove.CraneDown, "crane-down", "crane shot descending"),
        (CameraMove.Orbit, "orbit", "camera orbits around the subject"),
        (CameraMove.Tracking, "tracking", "tracking shot following the subject"),
        (CameraMove.Aerial, "aerial", "aerial drone shot from above"),
        (CameraMove.Handheld, "handheld", "handheld camera, gentle natural shake"),
    ];

    public static IReadOnlyList<string> All { get; } = Table.Select(t => t.Name).ToArray();

    public static string NameOf(CameraMove move) => Table.First(t => t.Move == move).Name;

    public static string PhraseOf(CameraMove move) => Table.First(t => t.Move == move).Phrase;

    public static bool TryParse(string name, out CameraMove move)
    {
        var match = Table.FirstOrDefault(t => t.Name == name);
        move = match.Move;
        return match.Name is not null;
    }
}
