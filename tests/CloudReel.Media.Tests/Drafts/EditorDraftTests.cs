using System.IO.Compression;
using System.Text.Json;
using CloudReel.Core.Orders;
using CloudReel.Core.Timeline;
using CloudReel.Media.Tests.Assembly;
using static CloudReel.Core.Orders.TransitionKind;
using static CloudReel.Media.Tests.Assembly.EngineFixture;

namespace CloudReel.Media.Tests.Drafts;

/// <summary>
/// The Jianying and CapCut drafts every assembly writes, opened and held to the draft format
/// (version 360000, as pyJianYingDraft and pyCapCut document it): every referenced file in the
/// folder, every id resolved, and times in microseconds that add up to the film.
/// </summary>
public sealed class EditorDraftTests(EditorDraftTests.Assembled assembled) : IClassFixture<EditorDraftTests.Assembled>
{
    private const string Token = "##_draftpath_placeholder_0E685133-18CE-45ED-8CB8-2904A212EC80_##";

    // red 60 frames →(crossfade 15)→ green 45 →(wipe-left 10)→ blue 30 →(cut)→ yellow 30: 140 film frames at 30 fps.
    private static FilmTimeline Film() => Timeline(
        Clip("red", 60, Transition(Crossfade, 15), audio: true),
        Clip("green", 45, Transition(WipeLeft, 10), audio: true) with { VoiceOver = "voice" },
        Clip("blue", 30, Transition(Cut, 0)),
        Clip("yellow", 30, audio: true)) with
    {
        Title = "港口 Harbour",
        Music = new TimelineMusic("music", MusicMix.Default with { Volume = 0.8, FadeInSeconds = 0.5, FadeOutSeconds = 1 }),
        Captions =
        [
            new CaptionTrack("zh-CN", [new CaptionCue(0, 45, "清晨的港口"), new CaptionCue(45, 100, "渔船出海 ⛵")]),
            new CaptionTrack("en", [new CaptionCue(0, 45, "The harbour at dawn"), new CaptionCue(45, 100, "Boats head out")]),
        ],
        Titles = [new CaptionCue(100, 140, "Harbour")],
    };

    [Theory]
    [InlineData("jianying", "lv", "110.0.0", "322577")]
    [InlineData("capcut", "cc", "140.0.0", "6724845717472416269")]
    public async Task AssembleAsync_Draft_FollowsTheDraftFormatWithTheFilmsSizeAndLength(string flavour, string appSource, string newVersion, string dissolveEffect)
    {
        using var draft = await AssembleAsync(flavour);
        var content = draft.Content.RootElement;

        content.GetProperty("version").GetInt32().Should().Be(360000);
        content.GetProperty("new_version").GetString().Should().Be(newVersion);
        content.GetProperty("platform").GetProperty("app_source").GetString().Should().Be(appSource);
        content.GetProperty("last_modified_platform").GetProperty("app_source").GetString().Should().Be(appSource);
        foreach (var key in new[] { "canvas_config", "config", "keyframes", "materials", "tracks", "id", "fps", "duration" }) content.TryGetProperty(key, out _).Should().BeTrue(key);
        (content.GetProperty("canvas_config").GetProperty("width").GetInt32(), content.GetProperty("canvas_config").GetProperty("height").GetInt32()).Should().Be((320, 180));
        content.GetProperty("fps").GetDouble().Should().Be(30);
        content.GetProperty("duration").GetInt64().Should().Be(Us(140));
        var materials = content.GetProperty("materials");
        foreach (var list in new[] { "videos", "audios", "texts", "speeds", "transitions", "audio_fades", "canvases", "material_animations" })
        {
            materials.GetProperty(list).ValueKind.Should().Be(JsonValueKind.Array, list);
        }
        materials.GetProperty("transitions")[0].GetProperty("effect_id").GetString().Should().Be(dissolveEffect);
        materials.GetProperty("transitions")[0].GetProperty("resource_id").GetString().Should().Be("6724845717472416269");
        draft.Meta.RootElement.GetProperty("draft_id").GetString().Should().Be(content.GetProperty("id").GetString());
        draft.Meta.RootElement.GetProperty("draft_name").GetString().Should().Be("港口 Harbour");
        draft.Meta.RootElement.GetProperty("tm_duration").GetInt64().Should().Be(Us(140));
    }

    [Theory]
    [InlineData("jianying")]
    [InlineData("capcut")]
    public async Task AssembleAsync_Draft_ClipsEndToEndAddUpToTheFilmWithTheTransitionsAtTheCuts(string flavour)
    {
        using var draft = await AssembleAsync(flavour);
        var content = draft.Content.RootElement;

        var video = Tracks(content, "video").Single();
        var segments = video.GetProperty("segments").EnumerateArray().ToList();
        segments.Select(Target).Should().Equal(
            (Us(0), Us(53)), (Us(53), Us(53 + 32) - Us(53)), (Us(85), Us(110) - Us(85)), (Us(110), Us(140) - Us(110)));
        segments.Sum(s => Target(s).Duration).Should().Be(content.GetProperty("duration").GetInt64(), "the clips add up to the film exactly");
        // The green clip starts 8 frames in (its share of the crossfade before the cut), the yellow one at its start.
        segments.Select(s => s.GetProperty("source_timerange").GetProperty("start").GetInt64()).Should().Equal(0, Us(8), Us(5), 0);

        var transitions = content.GetProperty("materials").GetProperty("transitions").EnumerateArray().ToList();
        transitions.Select(t => (t.GetProperty("name").GetString(), t.GetProperty("duration").GetInt64())).Should().Equal(("叠化", Us(15)), ("向左擦除", Us(10)));
        Refs(segments[0]).Should().Contain(transitions[0].GetProperty("id").GetString());
        Refs(segments[1]).Should().Contain(transitions[1].GetProperty("id").GetString());
        Refs(segments[2]).Should().NotContain(transitions.Select(t => t.GetProperty("id").GetString()), "a cut has no transition");

        var videos = Materials(content, "videos");
        foreach (var segment in segments)
        {
            var material = videos[segment.GetProperty("material_id").GetString()!];
            var source = segment.GetProperty("source_timerange");
            (source.GetProperty("start").GetInt64() + source.GetProperty("duration").GetInt64()).Should().BeLessThanOrEqualTo(material.GetProperty("duration").GetInt64() + Us(1));
        }
        videos.Values.Select(v => v.GetProperty("width").GetInt32()).Should().OnlyContain(w => w == 320);
        videos.Values.Select(v => v.GetProperty("has_audio").GetBoolean()).Should().Equal(true, true, false, true);
    }

    [Theory]
    [InlineData("jianying")]
    [InlineData("capcut")]
    public async Task AssembleAsync_Draft_EveryFileItNamesIsInTheFolderAndEveryIdResolves(string flavour)
    {
        using var draft = await AssembleAsync(flavour);
        var content = draft.Content.RootElement;
        var materials = content.GetProperty("materials");

        var paths = materials.GetProperty("videos").EnumerateArray().Concat(materials.GetProperty("audios").EnumerateArray())
            .Select(m => m.GetProperty("path").GetString()!).ToList();
        paths.Should().HaveCount(4 + 2, "four clips, the music and the voice-over");
        foreach (var path in paths)
        {
            path.Should().StartWith(Token + "/materials/");
            var entry = draft.Zip.GetEntry("film/" + path[(Token.Length + 1)..]);
            entry.Should().NotBeNull($"{path} is in the draft's folder");
        }
        draft.Zip.GetEntry("film/materials/01-shot-red.mp4")!.Length.Should().Be(new FileInfo(assembled.Engine.Clips["red"]).Length);

        var ids = new HashSet<string>(new[] { "videos", "audios", "texts" }.SelectMany(l => materials.GetProperty(l).EnumerateArray()).Select(m => m.GetProperty("id").GetString()!));
        var extras = new HashSet<string>(new[] { "speeds", "transitions", "audio_fades" }.SelectMany(l => materials.GetProperty(l).EnumerateArray()).Select(m => m.GetProperty("id").GetString()!));
        foreach (var segment in content.GetProperty("tracks").EnumerateArray().SelectMany(t => t.GetProperty("segments").EnumerateArray()))
        {
            ids.Should().Contain(segment.GetProperty("material_id").GetString());
            Refs(segment).Where(r => !extras.Contains(r)).Should().BeEmpty("every extra material a segment uses is in the materials");
        }
        var all = content.GetProperty("tracks").EnumerateArray().SelectMany(t => t.GetProperty("segments").EnumerateArray()).Select(s => s.GetProperty("id").GetString()).ToList();
        all.Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("jianying")]
    [InlineData("capcut")]
    public async Task AssembleAsync_Draft_CaptionsPerLanguageOnTheirOwnTracksAndTheTitlesOnAnother(string flavour)
    {
        using var draft = await AssembleAsync(flavour);
        var content = draft.Content.RootElement;
        var texts = Materials(content, "texts");

        var tracks = Tracks(content, "text");
        tracks.Select(t => t.GetProperty("name").GetString()).Should().Equal("captions zh-CN", "captions en", "titles");
        var zh = tracks[0].GetProperty("segments").EnumerateArray().ToList();
        zh.Select(Target).Should().Equal((Us(0), Us(45)), (Us(45), Us(100) - Us(45)));
        var words = zh.Select(s => JsonDocument.Parse(texts[s.GetProperty("material_id").GetString()!].GetProperty("content").GetString()!).RootElement).ToList();
        words.Select(w => w.GetProperty("text").GetString()).Should().Equal("清晨的港口", "渔船出海 ⛵");
        words[1].GetProperty("styles")[0].GetProperty("range")[1].GetInt32().Should().Be(6, "the style covers every character, the emoji counted once");
        var y = tracks.Select(t => t.GetProperty("segments")[0].GetProperty("clip").GetProperty("transform").GetProperty("y").GetDouble()).ToList();
        y[0].Should().BeGreaterThan(y[1], "the first language sits above the second");
        y[2].Should().Be(0, "titles sit in the middle");
        Target(tracks[2].GetProperty("segments")[0]).Should().Be((Us(100), Us(140) - Us(100)));
    }

    [Theory]
    [InlineData("jianying")]
    [InlineData("capcut")]
    public async Task AssembleAsync_Draft_MusicLoopsOverTheFilmWithItsFadesAndTheVoiceStartsWithItsShot(string flavour)
    {
        using var draft = await AssembleAsync(flavour);
        var content = draft.Content.RootElement;
        var audios = Tracks(content, "audio");
        var fades = Materials(content, "audio_fades");

        var music = audios.Single(t => t.GetProperty("name").GetString() == "music").GetProperty("segments").EnumerateArray().ToList();
        music.Should().HaveCount(4, "1.5 s of music loops over 4.67 s of film");
        music.First().Should().Match<JsonElement>(s => Target(s).Start == 0);
        music.Select(s => Target(s).Start + Target(s).Duration).Last().Should().Be(Us(140));
        music.Skip(1).Zip(music).Should().OnlyContain(p => Target(p.First).Start == Target(p.Second).Start + Target(p.Second).Duration, "the loops follow one another");
        music.Should().OnlyContain(s => s.GetProperty("volume").GetDouble() == 0.8);
        fades[Refs(music[0]).Single(fades.ContainsKey)].GetProperty("fade_in_duration").GetInt64().Should().Be(500_000);
        fades[Refs(music[^1]).Single(fades.ContainsKey)].GetProperty("fade_out_duration").GetInt64()
            .Should().Be(Us(140) - Target(music[^1]).Start, "the fade-out fits the last loop's 0.17 s, shorter than the ordered 1 s");

        var voice = audios.Single(t => t.GetProperty("name").GetString() == "voice").GetProperty("segments").EnumerateArray().Single();
        Target(voice).Start.Should().Be(Us(45 + 7), "the voice-over starts in the middle of the crossfade into its shot");
        Target(voice).Duration.Should().Be(1_200_000);
    }

    [Fact]
    public async Task AssembleAsync_CapCutDraft_CarriesTheContentAsDraftInfoToo()
    {
        using var draft = await AssembleAsync("capcut");

        using var info = JsonDocument.Parse(draft.Read("film/draft_info.json"));

        info.RootElement.GetRawText().Should().Be(draft.Content.RootElement.GetRawText());
    }

    [Fact]
    public async Task AssembleAsync_SameFilmTwice_WritesTheSameDraft()
    {
        using var first = await AssembleAsync("jianying");
        using var second = new OpenedDraft(ZipFile.OpenRead(Path.Combine(assembled.Again, "film.jianying.zip")));

        second.Read("film/draft_content.json").Should().Be(first.Read("film/draft_content.json"));
    }

    private static long Us(int frames) => (long)Math.Round(frames * 1_000_000.0 / 30, MidpointRounding.AwayFromZero);

    private static (long Start, long Duration) Target(JsonElement segment)
    {
        var range = segment.GetProperty("target_timerange");
        return (range.GetProperty("start").GetInt64(), range.GetProperty("duration").GetInt64());
    }

    private static List<string> Refs(JsonElement segment) => segment.GetProperty("extra_material_refs").EnumerateArray().Select(r => r.GetString()!).ToList();

    private static List<JsonElement> Tracks(JsonElement content, string type) =>
        content.GetProperty("tracks").EnumerateArray().Where(t => t.GetProperty("type").GetString() == type).ToList();

    private static Dictionary<string, JsonElement> Materials(JsonElement content, string list) =>
        content.GetProperty("materials").GetProperty(list).EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!, m => m);

    private Task<OpenedDraft> AssembleAsync(string flavour)
    {
        assembled.Files.Should().Contain(["film.jianying.zip", "film.capcut.zip"]);
        return Task.FromResult(new OpenedDraft(ZipFile.OpenRead(Path.Combine(assembled.Output, $"film.{flavour}.zip"))));
    }

    /// <summary>The film assembled once for every test here (and once more, to compare).</summary>
    public sealed class Assembled : IAsyncLifetime
    {
        public EngineFixture Engine { get; } = new();

        public string Output { get; private set; } = "";

        public string Again { get; private set; } = "";

        public IReadOnlyList<string> Files { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await Engine.InitializeAsync();
            Output = Engine.OutputFolder();
            Files = (await Engine.Engine.AssembleAsync(Film(), Engine.Clips, Output)).Files;
            Again = Engine.OutputFolder();
            await Engine.Engine.AssembleAsync(Film(), Engine.Clips, Again);
        }

        public Task DisposeAsync()
        {
            Engine.Dispose();
            return Task.CompletedTask;
        }
    }

    private sealed class OpenedDraft : IDisposable
    {
        public OpenedDraft(ZipArchive zip)
        {
            Zip = zip;
            Content = JsonDocument.Parse(Read("film/draft_content.json"));
            Meta = JsonDocument.Parse(Read("film/draft_meta_info.json"));
        }

        public ZipArchive Zip { get; }

        public JsonDocument Content { get; }

        public JsonDocument Meta { get; }

        public string Read(string name)
        {
            using var reader = new StreamReader(Zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        public void Dispose()
        {
            Content.Dispose();
            Meta.Dispose();
            Zip.Dispose();
        }
    }
}
