using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Tests;

/// <summary>The screenplay sample (its first scene) rendered with its characters' espeak voices: the dialogue is heard on the film, and every caption while it is spoken.</summary>
public sealed partial class VoicedScreenplayTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Render_ScreenplaySample_SpeaksItsDialogue_WithCaptionsInsideTheSpeech()
    {
        // The sample's first scene (the pier: the deckhand in the narrator's voice, Mei in hers), tiny and without the clean master, to keep the test short.
        foreach (var file in new[] { "cast/mei.png", "cast/old-man.png" }) _workspace.CopyFromRepository(Path.Combine("samples", "screenplay", file), file);
        var script = await File.ReadAllTextAsync(Path.Combine(Workspace.RepositoryRoot, "samples", "screenplay", "night-ferry.fountain"));
        _workspace.Write("night-ferry.fountain", script[..script.IndexOf("INT. FERRY CABIN", StringComparison.Ordinal)]);
        var sample = await File.ReadAllTextAsync(Path.Combine(Workspace.RepositoryRoot, "samples", "screenplay", "order.yaml"));
        var order = _workspace.Write("order.yaml", sample + "resolution: 180p\nfps: 24\ncleanMaster: false\n");

        var result = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);

        result.ExitCode.Should().Be(0, result.ToString());
        var folder = _workspace.FilmFolder(result.FilmId);
        var report = JsonSerializer.Deserialize<FilmReport>(File.ReadAllText(Path.Combine(folder, "report.json")), WorkflowJson.Options)!;
        report.Speech.Should().BeEquivalentTo(new { Provider = "espeak", LinesCached = 0 });
        report.Speech!.LinesSynthesised.Should().Be(2, "the deckhand's line and Mei's");
        var film = Path.Combine(folder, "night-ferry.16x9.mp4");
        var cues = Cues(Path.Combine(folder, "night-ferry.en.srt"));
        cues.Select(c => c.Text).Should().Contain(t => t.Contains("Last crossing tonight!", StringComparison.Ordinal))
            .And.Contain(t => t.Contains("Hold it, please.", StringComparison.Ordinal));

        // Every caption is shown while its line is heard: the sound under each cue is speech, well above the silence before the first word.
        var silence = await MediaFiles.MeanVolumeAsync(film, 0, Math.Min(0.2, cues[0].Start));
        foreach (var cue in cues)
        {
            var heard = await MediaFiles.MeanVolumeAsync(film, cue.Start, cue.End - cue.Start);
            heard.Should().BeGreaterThan(-35, $"'{cue.Text}' ({cue.Start:0.00}–{cue.End:0.00} s) is spoken");
            (heard - silence).Should().BeGreaterThan(20, $"'{cue.Text}' is heard over the silence around the speech");
        }
    }

    private static List<(double Start, double End, string Text)> Cues(string srt) => SrtCue().Matches(File.ReadAllText(srt))
        .Select(m => (Seconds(m.Groups[1].Value), Seconds(m.Groups[2].Value), m.Groups[3].Value.Trim())).ToList();

    private static double Seconds(string time) => TimeSpan.ParseExact(time, @"hh\:mm\:ss\,fff", CultureInfo.InvariantCulture).TotalSeconds;

    [GeneratedRegex(@"(\d\d:\d\d:\d\d,\d\d\d) --> (\d\d:\d\d:\d\d,\d\d\d)\r?\n(.+?)\r?\n(?:\r?\n|$)", RegexOptions.Singleline)]
    private static partial Regex SrtCue();
}
