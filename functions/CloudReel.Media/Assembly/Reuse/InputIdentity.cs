using System.Security.Cryptography;
using CloudReel.Core.Ports;
using CloudReel.Core.Timeline;

namespace CloudReel.Media.Assembly.Reuse;

/// <summary>
/// Stand-ins for files in the commands that key encoded pieces: a clip by its content key (its store
/// name says it), anything else by the SHA-256 of its bytes, so the same file under another name (an
/// order's music staged again for a new film) has the same token.
/// </summary>
internal static class InputIdentity
{
    /// <summary>The timeline's inputs as tokens, in the same places as <paramref name="inputs"/>.</summary>
    public static async Task<AssemblyInputs> OfAsync(FilmTimeline timeline, AssemblyInputs inputs, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task<string> Hash(string path)
        {
            if (hashes.TryGetValue(path, out var known)) return known;
            await using var file = File.OpenRead(path);
            return hashes[path] = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }

        var clips = new List<string>();
        for (var i = 0; i < timeline.Clips.Count; i++)
        {
            clips.Add("clip-" + (StoreLayout.ContentKeyOf(timeline.Clips[i].ClipName) ?? await Hash(inputs.Clips[i])));
        }

        var voiceOvers = new Dictionary<int, string>();
        foreach (var (clip, path) in inputs.VoiceOvers) voiceOvers[clip] = "voice-" + await Hash(path);
        return new AssemblyInputs(
            clips,
            inputs.Music is null ? null : "music-" + await Hash(inputs.Music),
            inputs.Logo is null ? null : "logo-" + await Hash(inputs.Logo),
            voiceOvers);
    }

    /// <summary>The token of any other file a command reads (e.g. a burn-in script).</summary>
    public static async Task<string> OfFileAsync(string prefix, string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return prefix + "-" + Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }
}
