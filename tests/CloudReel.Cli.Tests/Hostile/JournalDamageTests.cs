using System.Text.Json;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Tests.Hostile;

/// <summary>A damaged or deleted journal is named as such, with what to do, and never costs the clips in the store.</summary>
public sealed class JournalDamageTests : IDisposable
{
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task DamagedJournal_StatusAndRenderSayWhatAndWhereWithExit3_AndRenderingAgainReusesEveryClip()
    {
        var order = _workspace.Write("order.yaml", "title: Kite\nmodel: animatic\nshots:\n  - {id: kite, prompt: a red kite over the sea, seconds: 1}\n");
        var first = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);
        first.ExitCode.Should().Be(0, first.ToString());
        var journal = Path.Combine(_workspace.Cli.Home, "journal.db");
        await File.WriteAllBytesAsync(journal, [.. "this is not a database, whatever its name says"u8]);

        var status = await _workspace.Cli.RunAsync("status", first.FilmId);
        var render = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);

        foreach (var refused in new[] { status, render })
        {
            refused.ExitCode.Should().Be(3, refused.ToString());
            refused.Stderr.Should().Contain($"The journal {journal} is damaged").And.Contain($"mv {journal} {journal}.damaged").And.NotContain("   at ");
        }

        File.Move(journal, journal + ".damaged");
        var again = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);
        again.ExitCode.Should().Be(0, again.ToString());
        Report(again.FilmId).Shots.FromCache.Should().Be(1, "the clip made before the damage is still in the store");
    }

    [Fact]
    public async Task DeletedJournal_StatusSaysTheFilmIsStagedAndHowToGetItBack()
    {
        var order = _workspace.Write("order.yaml", "title: Kite\nmodel: animatic\nshots:\n  - {id: kite, prompt: a red kite over the sea, seconds: 1}\n");
        var first = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out);
        first.ExitCode.Should().Be(0, first.ToString());
        File.Delete(Path.Combine(_workspace.Cli.Home, "journal.db"));

        var status = await _workspace.Cli.RunAsync("status", first.FilmId);

        status.ExitCode.Should().Be(2, status.ToString());
        status.Stderr.Should().Contain($"Film '{first.FilmId}' is not in the journal").And.Contain("every clip already made is reused");
    }

    private FilmReport Report(string filmId) =>
        JsonSerializer.Deserialize<FilmReport>(File.ReadAllText(Path.Combine(_workspace.FilmFolder(filmId), "report.json")), WorkflowJson.Options)!;

    public void Dispose() => _workspace.Dispose();
}
