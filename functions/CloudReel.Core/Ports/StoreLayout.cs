using System.Text.RegularExpressions;

namespace CloudReel.Core.Ports;

/// <summary>
/// Where things live in the clip store (folder or Blob Storage alike):
/// <list type="bullet">
/// <item><c>clips/&lt;key&gt;.mp4</c> and <c>clips/&lt;key&gt;.json</c>: content-addressed clips and their records, shared across films;</item>
/// <item><c>clips/&lt;key&gt;.quality.json</c>: the quality checks a clip went through, recorded when it was first checked;</item>
/// <item><c>clips/frames/&lt;key&gt;.last.png</c>: a clip's last frame, which the next shot of its sequence starts from;</item>
/// <item><c>clips/normalised/&lt;profile&gt;/&lt;key&gt;.mp4</c>: clips conformed to an output profile, for the clean master's stream copy;</item>
/// <item><c>clips/renders/&lt;kind&gt;/&lt;key&gt;.*</c>: encoded pieces of films (rendition chunks, sound, extras) under a key of
/// everything that shapes them, with a <c>.json</c> record each, reused by later assemblies;</item>
/// <item><c>clips/quarantine/&lt;stamp&gt;/…</c>: cached objects found damaged before reuse, kept aside and made again;</item>
/// <item><c>orders/&lt;film-id&gt;/…</c>: the order and the files it refers to, as staged for one film;</item>
/// <item><c>films/&lt;film-id&gt;/…</c>: a film's outputs;</item>
/// <item><c>jobs/&lt;key&gt;.json</c>: the job ledger, which provider job makes which clip;</item>
/// <item><c>budgets/&lt;film-id&gt;.json</c>: what a film with a budget has reserved and spent.</item>
/// </list>
/// Names are only ever built from validated ids, never from raw user text.
/// </summary>
public static partial class StoreLayout
{
    public const string ClipsPrefix = "clips/";
    public const string OrdersPrefix = "orders/";
    public const string FilmsPrefix = "films/";
    public const string JobsPrefix = "jobs/";
    public const string BudgetsPrefix = "budgets/";
    public const string QuarantinePrefix = ClipsPrefix + "quarantine/";

    public static string Clip(string contentKey) => ClipsPrefix + RequireKey(contentKey) + ".mp4";

    public static string ClipRecord(string contentKey) => ClipsPrefix + RequireKey(contentKey) + ".json";

    /// <summary>The verdict of the quality checks on a clip, so a clip served again from the store is not checked again.</summary>
    public static string ClipQuality(string contentKey) => ClipsPrefix + RequireKey(contentKey) + ".quality.json";

    /// <summary>A clip's last frame as PNG: the first frame of the shot after it in its sequence.</summary>
    public static string ClipLastFrame(string contentKey) => ClipsPrefix + "frames/" + RequireKey(contentKey) + ".last.png";

    /// <summary>A clip conformed to an output profile (a tag such as "1920x1080p30-3f9a1c20").</summary>
    public static string NormalisedClip(string contentKey, string profile) =>
        ClipsPrefix + "normalised/" + RequireProfile(profile) + "/" + RequireKey(contentKey) + ".mp4";

    /// <summary>
    /// An encoded piece of a film kept for reuse: <paramref name="kind"/> (e.g. "chunk", "sound") and
    /// <paramref name="key"/> (a SHA-256 of everything that shapes it), with its file extension
    /// ("mp4", "m4a", "tar", "bin" for a whole assembly's output file of any kind, or "json" for its record).
    /// </summary>
    public static string RenderedPiece(string kind, string key, string extension) =>
        ClipsPrefix + "renders/" + RequireProfile(kind) + "/" + RequireKey(key) + "." + RequireExtension(extension);

    /// <summary>The record of a normalised copy: its size and SHA-256, checked before it is reused.</summary>
    public static string NormalisedClipRecord(string contentKey, string profile) => NormalisedClip(contentKey, profile)[..^4] + ".json";

    /// <summary>Where a damaged cached object under clips/ is kept aside (never reused): <c>clips/quarantine/&lt;stamp&gt;/…</c>.</summary>
    public static string Quarantined(string name, string stamp) =>
        name.StartsWith(ClipsPrefix, StringComparison.Ordinal) && !name.StartsWith(QuarantinePrefix, StringComparison.Ordinal)
            ? QuarantinePrefix + RequireProfile(stamp) + "/" + name[ClipsPrefix.Length..]
            : throw new ArgumentException($"'{name}' is not a cached object.", nameof(name));

    /// <summary>The content key of a clip's store name (<c>clips/&lt;key&gt;.mp4</c>), or null for any other name.</summary>
    public static string? ContentKeyOf(string clipName)
    {
        if (!clipName.StartsWith(ClipsPrefix, StringComparison.Ordinal) || !clipName.EndsWith(".mp4", StringComparison.Ordinal)) return null;
        var key = clipName[ClipsPrefix.Length..^4];
        return KeyPattern().IsMatch(key) ? key : null;
    }

    /// <summary>The job ledger's entry for a clip: which provider job makes it.</summary>
    public static string JobRecord(string contentKey) => JobsPrefix + RequireKey(contentKey) + ".json";

    /// <summary>A film's budget account: reservations and spending per clip.</summary>
    public static string BudgetRecord(string filmId) => BudgetsPrefix + RequireId(filmId) + ".json";

    public static string OrderFolder(string filmId) => OrdersPrefix + RequireId(filmId) + "/";

    /// <summary>A file of a staged order, at its path relative to the order file.</summary>
    public static string OrderFile(string filmId, string relativePath) => OrderFolder(filmId) + RequireRelativePath(relativePath);

    public static string FilmFolder(string filmId) => FilmsPrefix + RequireId(filmId) + "/";

    public static string FilmOutput(string filmId, string fileName) => FilmFolder(filmId) + RequireFileName(fileName);

    /// <summary>Film, shot and job ids: lower-case letters, digits and dashes, 1–80 long.</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public static string RequireId(string id) =>
        IsValidId(id) ? id : throw new ArgumentException($"'{id}' is not a valid id (lower-case letters, digits and dashes, 1-80 characters).", nameof(id));

    private static string RequireKey(string key) =>
        KeyPattern().IsMatch(key) ? key : throw new ArgumentException($"'{key}' is not a content key.", nameof(key));

    /// <summary>A relative path of safe segments: no "..", no root, no drive, no backslashes.</summary>
    public static bool IsSafeRelativePath(string path) =>
        path.Length is > 0 and <= 400
        && path.Split('/').All(segment => FileNamePattern().IsMatch(segment) && segment is not ("." or ".."));

    private static string RequireRelativePath(string path) =>
        IsSafeRelativePath(path) ? path : throw new ArgumentException($"'{path}' is not a safe relative path.", nameof(path));

    private static string RequireFileName(string name) =>
        FileNamePattern().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal)
            ? name
            : throw new ArgumentException($"'{name}' is not a safe output file name.", nameof(name));

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")]
    private static partial Regex IdPattern();

    private static string RequireProfile(string profile) =>
        ProfilePattern().IsMatch(profile) ? profile : throw new ArgumentException($"'{profile}' is not a profile tag.", nameof(profile));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex ProfilePattern();

    private static string RequireExtension(string extension) =>
        extension is "mp4" or "m4a" or "tar" or "bin" or "json" ? extension : throw new ArgumentException($"'{extension}' is not a rendered piece's extension.", nameof(extension));

    [GeneratedRegex("^[a-f0-9]{64}$")]
    private static partial Regex KeyPattern();

    /// <summary>One path segment: letters (any script), digits, spaces, dots, dashes, underscores, parentheses; no edge space or dot.</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}_](?:[\p{L}\p{N} ._()-]{0,118}[\p{L}\p{N}_()-])?$")]
    private static partial Regex FileNamePattern();
}
