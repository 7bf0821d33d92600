using CloudReel.Media.Fonts;

namespace CloudReel.Media.Tests.Fonts;

public sealed class FontLocatorTests
{
    [Fact]
    public async Task LocateAsync_NotoInstalled_FindsNotoSansCjkScThatCoversChinese()
    {
        var font = await new FontLocator().LocateAsync();

        font.Family.Should().Be("Noto Sans CJK SC");
        File.Exists(font.FilePath).Should().BeTrue();
        (await FontsCovering("4e0a")).Should().Contain(font.FilePath);
    }

    [Fact]
    public async Task LocateAsync_CalledTwice_SameAnswer()
    {
        var locator = new FontLocator();

        (await locator.LocateAsync()).Should().Be(await locator.LocateAsync());
    }

    internal static async Task<IReadOnlyList<string>> FontsCovering(string codePointHex)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("fc-list")
        {
            ArgumentList = { $":charset={codePointHex}", "file" },
            RedirectStandardOutput = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().TrimEnd(':')).ToList();
    }
}
