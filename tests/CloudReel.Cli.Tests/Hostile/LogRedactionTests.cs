using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests.Hostile;

/// <summary>`serve -v` logs every request: never with the credentials a URL carries.</summary>
public sealed class LogRedactionTests : IDisposable
{
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task ServeVerbose_RequestWithAKeyInTheQuery_IsLoggedWithTheKeyRedacted()
    {
        var port = FreePort();
        using var process = _workspace.Cli.Start("serve", "-v", "--port", port.ToString(CultureInfo.InvariantCulture), "-o", _workspace.Out);
        var stderr = process.StandardError.ReadToEndAsync();
        var output = new LineReader(process);
        try
        {
            await output.WaitForAsync("CloudReel API on ");
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            (await client.GetAsync("api/health?code=QueryKey4242")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.GetAsync("api/films/none/outputs/a.mp4?sig=SasSignature77&se=2030")).IsSuccessStatusCode.Should().BeFalse();
            await Task.Delay(500);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var log = await stderr;
        log.Should().Contain("code=[redacted]", "the request was logged").And.NotContain("QueryKey4242").And.NotContain("SasSignature77");
    }

    public void Dispose() => _workspace.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
