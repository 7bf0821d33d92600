using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Core;
using CloudReel.Azure.Storage;

namespace CloudReel.Azure.Tests.Support;

/// <summary>
/// A real Azurite (from tests/node) on free loopback ports, in memory, for one test class or
/// collection, started as a user starts it: it checks the service version of every request (so the
/// version CloudReel pins is proven here). Optionally over https with OAuth, to test Entra ID bearer tokens.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    /// <summary>The development account every Azurite accepts (public, documented; not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _workspace;

    private Azurite(Process process, string workspace, int blobPort, int queuePort, string scheme)
    {
        _process = process;
        _workspace = workspace;
        BlobPort = blobPort;
        QueuePort = queuePort;
        BlobEndpoint = new Uri($"{scheme}://127.0.0.1:{blobPort}/{AccountName}");
        QueueEndpoint = new Uri($"{scheme}://127.0.0.1:{queuePort}/{AccountName}");
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    /// <summary>The development account with its well-known key, at this Azurite's ports, as CloudReel builds it.</summary>
    public StorageAccount Account => StorageAccount.FromConnectionString(ConnectionString);

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};";

    /// <summary>The account with changed client options (e.g. a transport, shorter retries).</summary>
    public StorageAccount AccountWith(Action<ClientOptions> configure) => StorageAccount.FromConnectionString(ConnectionString, configure);

    /// <param name="certificatePem">With a certificate and key (PEM files), Azurite serves https and accepts OAuth bearer tokens.</param>
    /// <param name="keyPem">The certificate's private key.</param>
    /// <param name="skipApiVersionCheck">Accept any service version: only for peers that cannot pin one (Azure's JavaScript SDK).</param>
    public static async Task<Azurite> StartAsync(string? certificatePem = null, string? keyPem = null, bool skipApiVersionCheck = false)
    {
        var script = NodePeers.Module("azurite/dist/src/azurite.js");
        var (blobPort, queuePort, tablePort) = (FreePort(), FreePort(), FreePort());
        var workspace = Directory.CreateTempSubdirectory("azurite-").FullName;
        var start = new ProcessStartInfo("node") { WorkingDirectory = workspace, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            script, "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}", "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}", "--inMemoryPersistence", "--disableTelemetry", "--silent",
        ];
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (skipApiVersionCheck) start.ArgumentList.Add("--skipApiVersionCheck");
        if (certificatePem is not null)
        {
            foreach (var argument in new[] { "--cert", certificatePem, "--key", keyPem!, "--oauth", "basic" }) start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var azurite = new Azurite(process, workspace, blobPort, queuePort, certificatePem is null ? "http" : "https");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await ListensAsync(blobPort) || !await ListensAsync(queuePort))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await azurite.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not start: {errors}");
            }

            await Task.Delay(100);
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
            // Azurite may still hold a log file for a moment; the temp folder is cleaned later.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> ListensAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>One Azurite shared by every test class in the "azurite" collection.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public Azurite Server => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
