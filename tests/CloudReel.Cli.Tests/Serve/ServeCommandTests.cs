using System.Net;
using System.Net.Sockets;
using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests.Serve;

/// <summary>The real `cloudreel serve` program: it listens where it says, keeps its key to itself, and stops cleanly.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Serve_ApiSettingOutOfRange_RefusesToStartNamingTheSetting()
    {
        _workspace.Cli.Environment["CLOUDREEL__API__LINKLIFETIMEHOURS"] = "0";
        _workspace.Cli.Environment["CLOUDREEL__API__MAXORDERBYTES"] = "10";

        var result = await _workspace.Cli.RunAsync(TimeSpan.FromMinutes(2), "serve", "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", _workspace.Out);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("LinkLifetimeHours").And.Contain("MaxOrderBytes");
        result.Stdout.Should().NotContain("CloudReel API on", "nothing listens with settings nothing checked");
    }

    [Fact]
    public async Task Serve_RealProgram_ListensOnLoopbackWithAKeyItNeverPrints()
    {
        var port = FreePort();
        using var process = _workspace.Cli.Start("serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", _workspace.Out);
        var output = new LineReader(process);
        try
        {
            var address = await output.WaitForAsync("CloudReel API on ");
            var keySource = await output.WaitForAsync("API key: from ");
            var key = await File.ReadAllTextAsync(Path.Combine(_workspace.Cli.Home, "api-key"));
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

            var health = await client.GetAsync("api/health");
            var noKey = await client.GetAsync("api/models");
            client.DefaultRequestHeaders.Add("x-functions-key", key);
            var withKey = await client.GetAsync("api/models");

            address.Should().StartWith($"http://127.0.0.1:{port}/api/");
            keySource.Should().StartWith(Path.Combine(_workspace.Cli.Home, "api-key")).And.NotContain(key);
            health.StatusCode.Should().Be(HttpStatusCode.OK);
            noKey.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            withKey.StatusCode.Should().Be(HttpStatusCode.OK, "the Functions key header works against serve too");
            output.SeenSoFar.Should().NotContain(key);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
