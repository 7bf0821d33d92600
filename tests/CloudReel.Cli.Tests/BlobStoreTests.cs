using System.Text.Json;
using CloudReel.Azure.Store;
using CloudReel.Azure.Tests.Support;
using CloudReel.Cli.Tests.Support;
using CloudReel.Core.Reports;
using CloudReel.Core.Workflow;

namespace CloudReel.Cli.Tests;

/// <summary>`cloudreel render --store` against a real Azurite: the same film as with the folder store.</summary>
public sealed class BlobStoreTests : IAsyncLifetime, IDisposable
{
    private readonly Workspace _workspace = new();
    private Azurite? _azurite;

    private Azurite Server => _azurite!;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Render_WithStoreOnAzurite_MakesTheSameFilmAsTheFolderStore()
    {
        _workspace.CopyFromRepository("samples/shanghai-clay/refs/bund.jpg", "refs/bund.jpg");
        var order = _workspace.Write("order.yaml", TestOrders.ThreeShots);

        var local = await _workspace.Cli.RunAsync("render", order, "-o", Path.Combine(_workspace.Root, "local"));
        var blob = await _workspace.Cli.RunAsync("render", order, "-o", Path.Combine(_workspace.Root, "blob"), "--store", Server.ConnectionString);

        local.ExitCode.Should().Be(0, local.ToString());
        blob.ExitCode.Should().Be(0, blob.ToString());
        var localFolder = Path.Combine(_workspace.Root, "local", local.FilmId);
        var blobFolder = Path.Combine(_workspace.Root, "blob", blob.FilmId);
        var localFilm = await Probe.StreamsAsync(Path.Combine(localFolder, "tiny-shanghai.16x9.mp4"));
        var blobFilm = await Probe.StreamsAsync(Path.Combine(blobFolder, "tiny-shanghai.16x9.mp4"));
        blobFilm.Should().Be(localFilm);
        blobFilm.VideoFrames.Should().Be(TestOrders.ThreeShotsFrames);
        ClipHashes(blobFolder).Should().Equal(ClipHashes(localFolder), "the animatic makes the same clips whichever store keeps them");
        File.ReadAllText(Path.Combine(blobFolder, "tiny-shanghai.zh-CN.srt")).Should().Be(File.ReadAllText(Path.Combine(localFolder, "tiny-shanghai.zh-CN.srt")));

        var store = new BlobClipStore(Server.Account.Blobs, Path.Combine(_workspace.Root, "cache"));
        (await store.ListAsync($"films/{blob.FilmId}/")).Should().Contain($"films/{blob.FilmId}/tiny-shanghai.16x9.mp4");
        var clipBlobs = await store.ListAsync("clips/");
        clipBlobs.Where(name => !name.StartsWith("clips/normalised/", StringComparison.Ordinal) && !name.StartsWith("clips/renders/", StringComparison.Ordinal))
            .Should().HaveCount(9, "three clips, their records and their quality verdicts");
        clipBlobs.Should().Contain(name => name.StartsWith("clips/renders/chunk/", StringComparison.Ordinal), "the rendition's chunks are kept in Blob Storage for the next assembly");
        clipBlobs.Where(name => name.StartsWith("clips/normalised/", StringComparison.Ordinal) && name.EndsWith(".mp4", StringComparison.Ordinal))
            .Should().HaveCount(3, "each clip is normalised once for the rendition and kept for the next assembly");
        clipBlobs.Where(name => name.StartsWith("clips/normalised/", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Should().HaveCount(3, "each kept copy has its size and hash recorded, checked before it is reused");
        (await store.ListAsync($"orders/{blob.FilmId}/")).Should().Contain($"orders/{blob.FilmId}/refs/bund.jpg");
        // The engine keeps what it knows of the film (its store among it) in the journal: never the key.
        var journal = string.Concat(Directory.GetFiles(_workspace.Cli.Home, "journal.db*").Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        journal.Should().Contain(blob.FilmId).And.NotContain("AccountKey", "the journal never keeps a key");
    }

    [Fact]
    public async Task Status_OfABlobFilm_SaysWhichStoreHoldsItWithoutTheKey()
    {
        var order = _workspace.Write("order.yaml", "title: One\nresolution: 180p\nshots:\n  - {id: a, prompt: A quiet harbour, seconds: 1}\n");
        var render = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out, "--store", Server.ConnectionString);

        var status = await _workspace.Cli.RunAsync("status", render.FilmId);
        var resume = await _workspace.Cli.RunAsync("resume", render.FilmId);

        render.ExitCode.Should().Be(0, render.ToString());
        status.Stdout.Should().Contain($"BlobEndpoint={Server.BlobEndpoint}").And.NotContain("AccountKey");
        resume.ExitCode.Should().Be(0, resume.ToString());
        resume.Stdout.Should().Contain("already finished");
    }

    [Fact]
    public async Task Render_WithAWebhook_DeliversSignedEventsEndingInLinksToTheFilm()
    {
        await using var receiver = await FakeHttpServer.StartAsync((_, _) => Microsoft.AspNetCore.Http.Results.NoContent());
        var secret = CloudReel.Azure.Webhooks.StandardWebhookSigner.NewSecret();
        Directory.CreateDirectory(_workspace.Cli.Home);
        File.WriteAllText(Path.Combine(_workspace.Cli.Home, "appsettings.json"), JsonSerializer.Serialize(new
        {
            Events = new { Webhooks = new[] { new { Url = new Uri(receiver.BaseUri, "/hooks/cloudreel").ToString(), Secret = secret } } },
        }));
        var order = _workspace.Write("order.yaml", "title: Two\nresolution: 180p\nshots:\n  - {id: a, prompt: A quiet harbour, seconds: 1}\n  - {id: b, prompt: A busy market, seconds: 1}\n");

        var render = await _workspace.Cli.RunAsync("render", order, "-o", _workspace.Out, "--store", Server.ConnectionString, "-v");

        render.ExitCode.Should().Be(0, render.ToString());
        var events = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        events.Select(e => e.GetProperty("type").GetString()).Should().Equal(
            "cloudreel.film.storyboard-ready", "cloudreel.shot.generated", "cloudreel.shot.generated", "cloudreel.film.completed");
        var film = events[^1].GetProperty("data").GetProperty("outputs").EnumerateArray()
            .Single(o => o.GetProperty("name").GetString()!.EndsWith(".16x9.mp4", StringComparison.Ordinal));
        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(new Uri(film.GetProperty("url").GetString()!));
        bytes.Should().Equal(await File.ReadAllBytesAsync(Path.Combine(_workspace.FilmFolder(render.FilmId), "two.16x9.mp4")));
        var last = receiver.Requests.Last();
        var verify = await NodePeers.RunScriptAsync("verify-webhook.mjs", [secret], JsonSerializer.Serialize(new
        {
            headers = new Dictionary<string, string>
            {
                ["webhook-id"] = last.Headers["webhook-id"],
                ["webhook-timestamp"] = last.Headers["webhook-timestamp"],
                ["webhook-signature"] = last.Headers["webhook-signature"],
            },
            body = last.Text,
        }));
        verify.ExitCode.Should().Be(0, verify.Errors);
        (render.Stdout + render.Stderr).Should().NotContain(secret["whsec_".Length..], "the secret is never logged");
    }

    public void Dispose() => _workspace.Dispose();

    private static List<string> ClipHashes(string folder)
    {
        var report = JsonSerializer.Deserialize<FilmReport>(File.ReadAllText(Path.Combine(folder, "report.json")), WorkflowJson.Options)!;
        return report.ShotDetails.Select(s => $"{s.Id}:{s.ContentKey}:{s.Sha256}").ToList();
    }
}
