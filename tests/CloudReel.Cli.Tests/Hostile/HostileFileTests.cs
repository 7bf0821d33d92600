using System.Diagnostics;
using CloudReel.Cli.Tests.Support;

namespace CloudReel.Cli.Tests.Hostile;

/// <summary>Orders whose files are links out of their folder, FIFOs or devices: refused with the field named, never followed, never blocking.</summary>
public sealed class HostileFileTests : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(90);
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task Validate_MusicLinkedToAFileOutsideTheOrderFolder_IsRefusedAtTheField()
    {
        var order = _workspace.Write("order/order.yaml", """
            title: Link Out
            music: theme.mp3
            shots:
              - {id: one, prompt: a quiet harbour, seconds: 2}
            """);
        File.CreateSymbolicLink(Path.Combine(_workspace.Root, "order", "theme.mp3"), "/etc/passwd");

        var result = await _workspace.Cli.RunAsync(Quick, "validate", order);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("order.yaml:2:8: music:").And.Contain("outside the order's folder");
    }

    [Fact]
    public async Task Render_PictureInAFolderLinkedOutOfTheOrderFolder_IsRefusedAndNothingIsStaged()
    {
        var order = _workspace.Write("order/order.yaml", """
            title: Folder Link
            shots:
              - {id: one, prompt: a quiet harbour, seconds: 2, image: up/private.png}
            """);
        _workspace.CopyFromRepository("samples/shanghai-clay/refs/bund.jpg", "private.png");
        Directory.CreateSymbolicLink(Path.Combine(_workspace.Root, "order", "up"), _workspace.Root);

        var result = await _workspace.Cli.RunAsync(Quick, "render", order, "-o", _workspace.Out);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("shots[0].image:").And.Contain("outside the order's folder");
        Directory.Exists(Path.Combine(_workspace.Cli.Home, "store", "orders")).Should().BeFalse("nothing of a refused order is copied into the store");
    }

    [Fact]
    public async Task Plan_ScriptThatIsAFifo_IsRefusedInsteadOfBlocking()
    {
        var order = _workspace.Write("order/order.yaml", """
            title: Fifo Script
            script: night.fountain
            """);
        MakeFifo(Path.Combine(_workspace.Root, "order", "night.fountain"));

        var result = await _workspace.Cli.RunAsync(Quick, "plan", order);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("script:").And.Contain("not a regular file");
    }

    [Fact]
    public async Task Validate_ADeviceAsTheOrder_IsRefusedBeforeReading()
    {
        var result = await _workspace.Cli.RunAsync(Quick, "validate", "/dev/zero");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("/dev/zero").And.Contain("not a regular file").And.NotContain("   at ");
    }

    [Fact]
    public async Task Validate_AnOrderOverTheSizeLimit_IsRefusedWithoutParsing()
    {
        var order = _workspace.Write("big.yaml", "title: Big\n# " + new string('x', 2 * 1024 * 1024) + "\nshots: []\n");

        var result = await _workspace.Cli.RunAsync(Quick, "validate", order);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("big.yaml:1:1: order:").And.Contain("1 MB allowed");
    }

    public void Dispose() => _workspace.Dispose();

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0);
    }
}
