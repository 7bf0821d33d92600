using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudReel.Api.Http;
using CloudReel.Cli.Hosting;
using CloudReel.Cli.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudReel.Cli.Tests.Serve;

/// <summary>
/// `cloudreel serve` in this process (the same host the command starts: local engine, FFmpeg, the
/// animatic, Kestrel on a free 127.0.0.1 port), with an HTTP client that sends its API key.
/// </summary>
internal sealed class ServeSession : IAsyncDisposable
{
    public const string Key = "e2e-key-7f3a";

    private ServeSession(ServeHost host, Workspace workspace)
    {
        Host = host;
        Workspace = workspace;
        Client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(2) };
        Client.DefaultRequestHeaders.Add(ApiKeyCheck.Header, Key);
    }

    public ServeHost Host { get; }

    public Workspace Workspace { get; }

    public HttpClient Client { get; }

    public static async Task<ServeSession> StartAsync(Workspace workspace, string? store = null)
    {
        var home = Path.Combine(workspace.Root, "home");
        Directory.CreateDirectory(home);
        await File.WriteAllTextAsync(Path.Combine(home, "appsettings.json"), "{\"Api\": {\"Key\": \"" + Key + "\"}}");
        var context = new CliContext(new CloudReelHome(home), verbose: false, plain: true, store);
        var host = await ServeHost.StartAsync(context, IPAddress.Loopback, 0, workspace.Out, NullLoggerFactory.Instance, CancellationToken.None);
        return new ServeSession(host, workspace);
    }

    /// <summary>Posts an order (YAML) and returns the new film's id.</summary>
    public async Task<string> SubmitAsync(string yaml, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/films") { Content = new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml") };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public Task<JsonElement> StatusAsync(string filmId) => Client.GetFromJsonAsync<JsonElement>($"api/films/{filmId}");

    /// <summary>Polls the film's status until <paramref name="done"/> says so.</summary>
    public async Task<JsonElement> WaitAsync(string filmId, Func<JsonElement, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var status = await StatusAsync(filmId);
            if (done(status)) return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Film {filmId} never got {what}: {status}");
            await Task.Delay(200);
        }
    }

    public Task<JsonElement> EndedAsync(string filmId) =>
        WaitAsync(filmId, s => s.GetProperty("status").GetString() is "completed" or "failed" or "cancelled", "to an end");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
