using CloudReel.Core.Timeline;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly.Audio;

/// <summary>
/// The sound of a film, as a graph for its own FFmpeg process (never inside the picture's: an
/// acrossfade chain there was measured at 2.5x the time and 5.75 GB, see assembly.md §2).
/// Foreground: each clip's own sound trimmed to its window, faded over its transitions and placed
/// at its start, plus each voice-over from the moment its shot is alone on screen. Music: looped or
/// trimmed to the film, faded in and out, set under the foreground, and ducked by it (a sidechain
/// compressor keyed on the foreground). Everything lasts exactly the film's samples.
/// </summary>
internal sealed class SoundGraph
{
    private readonly FilmTimeline _timeline;
    private readonly AssemblyInputs _inputs;
    private readonly FrameClock _clock;
    private readonly GraphText _graph = new();

    private SoundGraph(FilmTimeline timeline, AssemblyInputs inputs)
    {
        (_timeline, _inputs, _clock) = (timeline, inputs, new FrameClock(timeline.Fps));
    }

    public long Samples => _clock.Sample(_timeline.TotalFrames);

    /// <summary>Whether anything but music makes a sound: clips with their own sound, or voice-overs.</summary>
    public static bool HasForeground(FilmTimeline timeline, AssemblyInputs inputs) => timeline.Clips.Any(c => c.HasAudio) || inputs.VoiceOvers.Count > 0;

    /// <summary>
    /// The whole mix, with the music at <paramref name="musicGainDb"/>, to the output label "mix".
    /// <paramref name="keyGain"/> brings the foreground to a reference level where it keys the ducking,
    /// so a quiet voice ducks the music as much as a loud one.
    /// </summary>
    public static GraphText Mix(FilmTimeline timeline, AssemblyInputs inputs, double musicGainDb, double keyGain = 1)
    {
        var sound = new SoundGraph(timeline, inputs);
        var foreground = sound.Foreground();
        var graph = sound._graph;
        if (inputs.Music is null)
        {
            graph.Chain(foreground, "anull", "mix");
            return graph;
        }

        var music = sound.Music(musicGainDb);
        if (timeline.Music!.Mix.Duck && HasForeground(timeline, inputs))
        {
            var branches = graph.Split(foreground, 2, audio: true);
            // Measured on FFmpeg 5.1: a key at -18 LUFS with threshold 0.003 and ratio 10 pulls the music
            // ~12 dB down, in 20 ms, and lets it back up over 400 ms.
            music = graph.Chain([music, branches[1]],
                $"sidechaincompress=threshold=0.003:ratio=10:attack=20:release=400:level_sc={Number(Math.Clamp(keyGain, 0.015625, 64))}");
            foreground = branches[0];
        }

        graph.Chain([foreground, music], $"amix=inputs=2:normalize=0:duration=first,{sound.Exact()}", "mix");
        return graph;
    }

    /// <summary>The music and the foreground apart, to "music" and "foreground", for measuring their loudness.</summary>
    public static GraphText Stems(FilmTimeline timeline, AssemblyInputs inputs)
    {
        var sound = new SoundGraph(timeline, inputs);
        sound._graph.Chain(sound.Foreground(), "anull", "foreground");
        sound._graph.Chain(sound.Music(0), "anull", "music");
        return sound._graph;
    }

    private string Foreground()
    {
        var starts = _timeline.ClipStartFrames();
        var layers = new List<string>();
        for (var i = 0; i < _timeline.Clips.Count; i++)
        {
            var clip = _timeline.Clips[i];
            if (clip.HasAudio)
            {
                var input = _graph.AddInput(_inputs.Clips[i]);
                layers.Add(_graph.Chain(GraphText.Stream(input, 'a'), ClipWindow(clip, starts[i], TimelineFacts.Incoming(_timeline, i), TimelineFacts.Outgoing(_timeline, i))));
            }

            if (_inputs.VoiceOvers.TryGetValue(i, out var voiceOver))
            {
                var input = _graph.AddInput(voiceOver);
                var start = _clock.Sample(TimelineFacts.AloneFrom(_timeline, i));
                layers.Add(_graph.Chain(GraphText.Stream(input, 'a'),
                    $"{Conform()},atrim=end_sample={Number(Math.Max(1, Samples - start))}{Delay(start)}"));
            }
        }

        var bed = _graph.Chain([], $"anullsrc=r={Number(FrameClock.SampleRate)}:cl=stereo,atrim=end_sample={Number(Samples)}");
        return layers.Count == 0 ? bed : _graph.Chain([bed, .. layers], $"amix=inputs={Number(layers.Count + 1)}:normalize=0:duration=first");
    }

    private string Music(double gainDb)
    {
        var music = _timeline.Music!;
        var input = _graph.AddInput(_inputs.Music!, music.Mix.Loop ? ["-stream_loop", "-1"] : []);
        var seconds = (double)Samples / FrameClock.SampleRate;
        var filters = $"{Conform()},{Exact()}";
        if (music.Mix.FadeInSeconds > 0) filters += $",afade=t=in:st=0:d={Number(Math.Min(music.Mix.FadeInSeconds, seconds))}:curve=qsin";
        if (music.Mix.FadeOutSeconds > 0)
        {
            var fade = Math.Min(music.Mix.FadeOutSeconds, seconds);
            filters += $",afade=t=out:st={Number(seconds - fade)}:d={Number(fade)}:curve=qsin";
        }

        filters += $",volume={Number(music.Mix.Volume)}*{Number(Math.Pow(10, gainDb / 20))}";
        return _graph.Chain(GraphText.Stream(input, 'a'), filters);
    }

    /// <summary>
    /// One clip's sound on the film: from its in-point for exactly its length in samples
    /// (silence-padded when the source is short), equal-power fades over its transitions, delayed to its start.
    /// </summary>
    private string ClipWindow(TimelineClip clip, int startFrame, int fadeInFrames, int fadeOutFrames)
    {
        var start = _clock.Sample(startFrame);
        var length = _clock.Sample(startFrame + clip.Frames) - start;
        var sourceIn = (long)Math.Round(clip.SourceInSeconds * FrameClock.SampleRate);
        var parts = new List<string>
        {
            Conform(),
            $"atrim=start_sample={Number(sourceIn)}",
            "asetpts=PTS-STARTPTS",
            $"apad=whole_len={Number(length)}",
            $"atrim=end_sample={Number(length)}",
        };
        if (fadeInFrames > 0) parts.Add($"afade=t=in:ss=0:ns={Number(_clock.Sample(startFrame + fadeInFrames) - start)}:curve=qsin");
        if (fadeOutFrames > 0)
        {
            var fadeStart = _clock.Sample(startFrame + clip.Frames - fadeOutFrames) - start;
            parts.Add($"afade=t=out:ss={Number(fadeStart)}:ns={Number(length - fadeStart)}:curve=qsin");
        }

        return string.Join(",", parts) + Delay(start);
    }

    private static string Conform() => $"aresample={Number(FrameClock.SampleRate)},aformat=sample_fmts=fltp:channel_layouts=stereo,asetpts=PTS-STARTPTS";

    private static string Delay(long samples) => samples > 0 ? $",adelay=delays={Number(samples)}S:all=1" : "";

    /// <summary>Exactly the film's samples: silence after a short source, nothing after the end.</summary>
    private string Exact() => $"apad=whole_len={Number(Samples)},atrim=end_sample={Number(Samples)}";
}
