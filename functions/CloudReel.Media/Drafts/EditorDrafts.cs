using System.IO.Compression;
using System.Text;
using CloudReel.Core.Timeline;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Probing;

namespace CloudReel.Media.Drafts;

/// <summary>
/// The editor hand-off beside timeline.otio: a Jianying (剪映) draft and a CapCut draft of the film,
/// each a folder zipped as <c>&lt;name&gt;.jianying.zip</c> / <c>&lt;name&gt;.capcut.zip</c>:
/// <c>&lt;name&gt;/draft_content.json</c>, <c>&lt;name&gt;/draft_meta_info.json</c> and the clips,
/// music and voice-overs under <c>&lt;name&gt;/materials/</c>, referred to through the editors'
/// draft-folder token, so the folder opens wherever it is unzipped into the editor's drafts folder.
/// </summary>
public static class EditorDrafts
{
    internal static readonly DraftFlavour[] Flavours = [DraftFlavour.Jianying, DraftFlavour.CapCut];

    /// <summary>The zip a flavour's draft is written to.</summary>
    public static string FileName(string outputName, string flavour) => $"{outputName}.{flavour}.zip";

    /// <param name="timeline">The film.</param>
    /// <param name="clips">Local paths of the timeline's clips, in timeline order.</param>
    /// <param name="music">The music bed's local path, when the timeline has one.</param>
    /// <param name="voiceOvers">Voice-overs' local paths by clip index.</param>
    /// <param name="runner">Probes the media's lengths and sizes.</param>
    /// <param name="outputDirectory">Where the zips go.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>The zips' file names.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        FilmTimeline timeline, IReadOnlyList<string> clips, string? music, IReadOnlyDictionary<int, string> voiceOvers,
        FfmpegRunner runner, string outputDirectory, CancellationToken cancellationToken = default)
    {
        var sources = await ProbeAsync(clips, music, voiceOvers, runner, cancellationToken);
        var written = new List<string>();
        foreach (var flavour in Flavours)
        {
            var project = new DraftBuilder(timeline, sources, new DraftIds(timeline.FilmId, flavour.Name)).Build();
            var name = FileName(timeline.OutputName, flavour.Name);
            await ZipAsync(project, flavour, Path.Combine(outputDirectory, name), cancellationToken);
            written.Add(name);
        }
        return written;
    }

    private static async Task<DraftSources> ProbeAsync(
        IReadOnlyList<string> clips, string? music, IReadOnlyDictionary<int, string> voiceOvers, FfmpegRunner runner, CancellationToken cancellationToken)
    {
        var probed = new Dictionary<string, DraftSource>(StringComparer.Ordinal);
        async Task<DraftSource> Probe(string path)
        {
            if (!probed.TryGetValue(path, out var source)) probed[path] = source = new DraftSource(path, await StreamSummary.ReadAsync(runner, path, cancellationToken));
            return source;
        }

        var clipSources = new List<DraftSource>();
        foreach (var clip in clips) clipSources.Add(await Probe(clip));
        var voices = new Dictionary<int, DraftSource>();
        foreach (var (index, path) in voiceOvers) voices[index] = await Probe(path);
        return new DraftSources(clipSources, music is null ? null : await Probe(music), voices);
    }

    /// <summary>Writes the zip next to its final name first, so a reader never sees half a draft.</summary>
    private static async Task ZipAsync(DraftProject project, DraftFlavour flavour, string path, CancellationToken cancellationToken)
    {
        var partial = path + ".partial";
        await using (var file = File.Create(partial))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            var folder = project.FolderName + "/";
            var content = DraftContentWriter.Write(project, flavour);
            foreach (var name in flavour.ContentFiles) await AddTextAsync(zip, folder + name, content, cancellationToken);
            await AddTextAsync(zip, folder + "draft_meta_info.json", DraftMetaWriter.Write(project, flavour), cancellationToken);
            foreach (var media in project.Media)
            {
                // Clips and sound are compressed already.
                var entry = zip.CreateEntry(folder + "materials/" + media.FileName, CompressionLevel.NoCompression);
                await using var target = entry.Open();
                await using var source = File.OpenRead(media.SourcePath);
                await source.CopyToAsync(target, cancellationToken);
            }
        }
        File.Move(partial, path, overwrite: true);
    }

    private static async Task AddTextAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await stream.WriteAsync(new UTF8Encoding(false).GetBytes(text), cancellationToken);
    }
}
