using CloudReel.Core.Orders;
using CloudReel.Core.Planning.Text;

namespace CloudReel.Core.Planning;

/// <summary>
/// A camera move per shot from keywords (English words, Chinese phrases), tried in order; shots
/// with no keyword take the next move of a fixed cycle that differs from the previous shot's.
/// </summary>
internal static class CameraChooser
{
    private static readonly (CameraMove Move, string[] Words, string[] CjkPhrases)[] Rules =
    [
        (CameraMove.Aerial, ["aerial", "skyline", "skylines", "overview", "drone", "overhead", "overlooking"], ["航拍", "俯瞰", "天际线", "鸟瞰"]),
        (CameraMove.Tracking, ["walk", "walks", "walking", "walked", "stroll", "strolls", "strolling", "wander", "wanders", "wandering",
            "street", "streets", "alley", "alleys", "follow", "follows", "following", "followed"], ["漫步", "街", "跟随", "巷", "走过"]),
        (CameraMove.PushIn, ["close", "closer", "closeup", "detail", "details", "hands", "hand", "face", "eyes", "macro"], ["特写", "细节", "双手", "手中"]),
        (CameraMove.PullOut, ["wide", "panorama", "panoramic", "reveal", "reveals", "revealing", "vast"], ["全景", "远景", "辽阔", "一望无际"]),
        (CameraMove.TiltUp, ["tower", "towers", "rises", "rise", "rising", "tall", "pagoda", "spire", "skyscraper", "skyscrapers"], ["塔", "高楼", "耸立", "仰望"]),
        (CameraMove.PanRight, ["river", "rivers", "along", "shore", "shoreline", "riverbank", "waterfront"], ["沿", "江", "河畔", "岸边"]),
    ];

    private static readonly CameraMove[] Cycle =
        [CameraMove.PushIn, CameraMove.PanRight, CameraMove.PullOut, CameraMove.PanLeft, CameraMove.Static];

    public static IReadOnlyList<CameraMove> Choose(IReadOnlyList<string> texts)
    {
        var moves = new List<CameraMove>();
        var next = 0;
        foreach (var text in texts)
        {
            var move = FromKeywords(text);
            if (move is null)
            {
                move = Cycle[next++ % Cycle.Length];
                if (moves.Count > 0 && move == moves[^1]) move = Cycle[next++ % Cycle.Length];
            }
            moves.Add(move.Value);
        }
        return moves;
    }

    public static CameraMove? FromKeywords(string text)
    {
        var words = Words(text);
        foreach (var (move, keywords, phrases) in Rules)
        {
            if (keywords.Any(words.Contains) || phrases.Any(p => text.Contains(p, StringComparison.Ordinal))) return move;
        }
        return null;
    }

    private static HashSet<string> Words(string text) => new(LatinWords.Of(text), StringComparer.Ordinal);
}
