using System.Diagnostics;
using CloudReel.Core.Orders;
using CloudReel.Local.Orders;

namespace CloudReel.Local.Tests.Orders;

/// <summary>The one way to the files of an order on disk: real paths inside the order's folder, regular files only, reads capped.</summary>
public sealed class OrderFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cloudreel-orderfolder-tests", Guid.NewGuid().ToString("N"));
    private readonly string _orders;
    private readonly OrderFolder _folder;

    public OrderFolderTests()
    {
        _orders = Path.Combine(_root, "order");
        Directory.CreateDirectory(Path.Combine(_orders, "refs"));
        File.WriteAllText(Path.Combine(_orders, "refs", "a.png"), "12345");
        File.WriteAllText(Path.Combine(_root, "secret.txt"), "outside the order's folder");
        _folder = new OrderFolder(_orders);
    }

    [Fact]
    public void GetSize_RegularFileInside_IsItsSize_AndMissingIsNull()
    {
        _folder.GetSize("refs/a.png").Should().Be(5);
        _folder.GetSize("refs/missing.png").Should().BeNull();
    }

    [Fact]
    public void GetSize_FileLinkLeavingTheFolder_IsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(_orders, "music.mp3"), Path.Combine(_root, "secret.txt"));

        var act = () => _folder.GetSize("music.mp3");

        act.Should().Throw<OrderFileRefusedException>().WithMessage("*outside the order's folder*");
    }

    [Fact]
    public void GetSize_FolderLinkToTheRoot_IsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_orders, "up"), "/");

        var act = () => _folder.GetSize("up/etc/passwd");

        act.Should().Throw<OrderFileRefusedException>().WithMessage("*outside the order's folder*");
    }

    [Fact]
    public void GetSize_LinkStayingInsideTheFolder_IsFollowed()
    {
        File.CreateSymbolicLink(Path.Combine(_orders, "b.png"), Path.Combine(_orders, "refs", "a.png"));

        _folder.GetSize("b.png").Should().Be(5);
    }

    [Fact]
    public void GetSize_DeviceBehindALinkInside_IsRefused()
    {
        // An order folder that itself lives under /dev would allow /dev/zero; a link inside to a device is refused either way.
        File.CreateSymbolicLink(Path.Combine(_orders, "zero.png"), "/dev/zero");

        var act = () => _folder.GetSize("zero.png");

        act.Should().Throw<OrderFileRefusedException>();
    }

    [Fact]
    public void GetSize_Fifo_IsRefusedWithoutBlocking()
    {
        MakeFifo(Path.Combine(_orders, "theme.mp3"));

        var act = () => _folder.GetSize("theme.mp3");

        act.Should().Throw<OrderFileRefusedException>().WithMessage("*not a regular file*");
    }

    [Fact]
    public async Task ReadOrderText_Device_IsRefusedBeforeReading()
    {
        var act = () => OrderFolder.ReadOrderTextAsync("/dev/zero", 1024, CancellationToken.None);

        await act.Should().ThrowAsync<OrderFileRefusedException>().WithMessage("*not a regular file*");
    }

    [Fact]
    public async Task ReadOrderText_OverTheCap_IsRefusedAfterReadingNoMoreThanTheCap()
    {
        var path = Path.Combine(_orders, "big.yaml");
        await File.WriteAllTextAsync(path, new string('a', 5000));

        var act = () => OrderFolder.ReadOrderTextAsync(path, 1024, CancellationToken.None);

        (await act.Should().ThrowAsync<OrderFileRefusedException>()).WithMessage("*1 KB allowed*");
    }

    [Fact]
    public async Task OpenRead_StopsAtTheCapByBytesActuallyRead()
    {
        // The size said when checked is not trusted: a file that grows after the check is still cut off at the cap.
        var path = Path.Combine(_orders, "refs", "grows.png");
        await File.WriteAllTextAsync(path, "12");
        _folder.GetSize("refs/grows.png").Should().Be(2);
        await File.WriteAllTextAsync(path, new string('x', 4096));

        await using var stream = _folder.OpenRead("refs/grows.png", maxBytes: 100);
        var act = async () => await stream.CopyToAsync(Stream.Null);

        await act.Should().ThrowAsync<OrderFileRefusedException>().WithMessage("*refs/grows.png*");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0);
    }
}
