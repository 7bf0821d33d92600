using CloudReel.Core.Ports;
using CloudReel.Local.Store;

namespace CloudReel.Local.Tests.Store;

public sealed class FolderClipStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cloudreel-store-tests", Guid.NewGuid().ToString("N"));
    private readonly FolderClipStore _store;

    public FolderClipStoreTests() => _store = new FolderClipStore(Path.Combine(_root, "store"), Path.Combine(_root, "out"));

    [Fact]
    public async Task PutAsync_WithoutOverwrite_KeepsTheFirstObjectAndSaysSo()
    {
        (await _store.PutTextAsync("clips/a.json", "first", "application/json", overwrite: false)).Should().BeTrue();
        (await _store.PutTextAsync("clips/a.json", "second", "application/json", overwrite: false)).Should().BeFalse();
        (await _store.PutTextAsync("jobs/b.json", "one", "application/json", overwrite: true)).Should().BeTrue();
        (await _store.PutTextAsync("jobs/b.json", "two", "application/json", overwrite: true)).Should().BeTrue();

        (await _store.ReadTextAsync("clips/a.json")).Should().Be("first");
        (await _store.ReadTextAsync("jobs/b.json")).Should().Be("two");
        (await _store.GetSizeAsync("jobs/b.json")).Should().Be(3);
    }

    [Fact]
    public async Task PutAsync_ManyWritersOfOneName_ExactlyOneWinsAndNoPartialFileRemains()
    {
        // Many rounds: a check-then-rename publish lets two writers win now and then, not every time.
        for (var round = 0; round < 40; round++)
        {
            var name = $"clips/race-{round}.json";
            var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
                _store.PutTextAsync(name, $"writer {i}", "application/json", overwrite: false))));

            results.Count(r => r).Should().Be(1, $"exactly one writer of {name} may win");
            var kept = await _store.ReadTextAsync(name);
            results[int.Parse(kept["writer ".Length..], System.Globalization.CultureInfo.InvariantCulture)].Should().BeTrue("the content kept is the winner's");
        }

        Directory.GetFiles(Path.Combine(_root, "store", "clips")).Should().HaveCount(40, "no partial file remains");
    }

    [Fact]
    public async Task FilmOutputs_LiveUnderTheOutputRootAndListWithTheirStoreNames()
    {
        await _store.PutTextAsync("films/f-1/report.json", "{}", "application/json", overwrite: true);
        await _store.PutTextAsync("orders/f-1/order.yaml", "title: x", "application/yaml", overwrite: true);

        File.Exists(Path.Combine(_root, "out", "f-1", "report.json")).Should().BeTrue();
        (await _store.ListAsync("films/f-1/")).Should().Equal("films/f-1/report.json");
        (await _store.ListAsync("orders/")).Should().Equal("orders/f-1/order.yaml");
        (await _store.GetLocalPathAsync("films/f-1/report.json")).Should().Be(Path.Combine(_root, "out", "f-1", "report.json"));
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("clips/../../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("clips\\x")]
    public async Task AnyOperation_NameOutsideTheStore_IsRefused(string name)
    {
        var put = () => _store.PutTextAsync(name, "x", "text/plain", overwrite: true);
        await put.Should().ThrowAsync<ArgumentException>();
        var exists = () => _store.ExistsAsync(name);
        await exists.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task OpenReadAsync_MissingObject_SaysWhichAndWhere()
    {
        var open = () => _store.OpenReadAsync("clips/missing.mp4");

        (await open.Should().ThrowAsync<FileNotFoundException>()).Which.Message.Should().Contain("clips/missing.mp4").And.Contain(_root);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
