using CloudReel.Core.Timeline;
using CloudReel.Media.Assembly;
using CloudReel.Media.Ffmpeg;
using static CloudReel.Bench.Assembly.BenchMedia;

namespace CloudReel.Bench.Assembly;

/// <summary>
/// What most tools do: each clip normalised to an intermediate file, then per rendition one FFmpeg
/// graph doing the crossfades (xfade for the picture, an acrossfade chain for the sound), burning
/// the same captions, mixing the music under a sidechain and normalising loudness (one pass),
/// encoding again. Same x264 preset and CRF as ours.
/// </summary>
internal sealed class Baseline(FfmpegRunner runner, AssemblyOptions options, string folder)
{
    public async Task RunAsync(FilmTimeline timeline, IReadOnlyList<string> clips, string music, IReadOnlyList<string?> assFiles)
    {
        Directory.CreateDirectory(folder);
        var normalised = new List<string>();
        for (var i = 0; i < clips.Count; i++)
        {
            var path = Path.Combine(folder, $"normalised-{i:D3}.mp4");
            await runner.RunAsync(
            [
                "-y", "-i", clips[i], "-vf", "fps=30,scale=1920:1080:force_original_aspect_ratio=decrease,pad=1920:1080:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p",
                "-af", "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo",
                "-c:v", "libx264", "-preset", options.Preset, "-crf", Inv($"{options.Crf}"), "-c:a", "aac", "-b:a", "192k", path,
            ]);
            normalised.Add(path);
        }

        var renditions = timeline.EffectiveRenditions();
        for (var r = 0; r < renditions.Count; r++)
        {
            await runner.RunAsync(Rendition(timeline, normalised, music, renditions[r], assFiles[r], Path.Combine(folder, $"baseline-{r}.mp4")));
        }
    }

    private IReadOnlyList<string> Rendition(FilmTimeline timeline, IReadOnlyList<string> normalised, string music, TimelineRendition rendition, string? ass, string output)
    {
        var seconds = BenchFilm.ShotFrames / (double)BenchFilm.Fps;
        var fade = BenchFilm.FadeFrames / (double)BenchFilm.Fps;
        var chains = new List<string>();
        var (video, audio) = ("0:v", "0:a");
        for (var i = 1; i < normalised.Count; i++)
        {
            chains.Add(Inv($"[{video}][{i}:v]xfade=transition=fade:duration={fade}:offset={i * (seconds - fade):0.######}[v{i}]"));
            chains.Add(Inv($"[{audio}][{i}:a]acrossfade=d={fade}:c1=qsin:c2=qsin[a{i}]"));
            (video, audio) = ($"v{i}", $"a{i}");
        }

        var picture = rendition.Size == timeline.Size ? "null" : Inv($"crop=608:1080,scale={rendition.Size.Width}:{rendition.Size.Height},setsar=1");
        chains.Add($"[{video}]{picture}{(ass is null ? "" : $",subtitles=filename={FilterText.OptionValue(ass)}")}[picture]");
        var total = timeline.TotalSeconds;
        chains.Add(Inv($"[{normalised.Count}:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,atrim=0:{total},afade=t=in:d=1,afade=t=out:st={total - 2}:d=2[music]"));
        chains.Add($"[{audio}]asplit[fg][key]");
        chains.Add("[music][key]sidechaincompress=threshold=0.003:ratio=10:attack=20:release=400[ducked]");
        chains.Add(Inv($"[fg][ducked]amix=inputs=2:normalize=0:duration=first,loudnorm=I={rendition.LoudnessLufs}:TP=-1.5:LRA=18,aresample=48000[sound]"));
        return
        [
            "-y", .. normalised.SelectMany(n => new[] { "-i", n }), "-stream_loop", "-1", "-i", music,
            "-filter_complex", string.Join(";", chains), "-map", "[picture]", "-map", "[sound]",
            "-c:v", "libx264", "-preset", options.Preset, "-crf", Inv($"{options.Crf}"), "-pix_fmt", "yuv420p", "-g", "60",
            "-c:a", "aac", "-b:a", "192k", "-movflags", "+faststart", output,
        ];
    }
}
