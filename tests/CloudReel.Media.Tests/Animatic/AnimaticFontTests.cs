using CloudReel.Media.Animatic;
using CloudReel.Media.Fonts;

namespace CloudReel.Media.Tests.Animatic;

public sealed class AnimaticFontTests : IDisposable
{
    private readonly AnimaticFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void FontOption_FaceInsideACollection_ChoosesTheFamilyThroughFontconfig()
    {
        AnimaticRenderer.FontOption(new CjkFont("/f/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", 2)).Should().Be("font=Noto Sans CJK SC");
        AnimaticRenderer.FontOption(new CjkFont("/f/Some:Font.otf", "Some", 0)).Should().Be(@"fontfile=/f/Some\\:Font.otf");
    }

    [Fact]
    public async Task FontOption_LocatedFont_DrawsSimplifiedNotJapaneseForms()
    {
        // 直 and 骨 are drawn differently in Japanese and Simplified Chinese; face 0 of the Noto collection is Japanese.
        var font = await new FontLocator().LocateAsync();
        var text = _fixture.Media.PathOf("forms.txt");
        await File.WriteAllTextAsync(text, "直骨");

        var chosen = await DrawAsync(AnimaticRenderer.FontOption(font), text, "chosen.rgb");
        var faceZero = await DrawAsync($"fontfile={font.FilePath}", text, "face0.rgb");

        font.Family.Should().Be("Noto Sans CJK SC");
        chosen.Should().NotEqual(faceZero);
    }

    private async Task<byte[]> DrawAsync(string fontOption, string textFile, string name)
    {
        var output = _fixture.Media.PathOf(name);
        await _fixture.Media.Runner.RunAsync(
        [
            "-y", "-f", "lavfi", "-i", "color=white:s=200x100",
            "-vf", $"drawtext={fontOption}:textfile={textFile}:fontsize=80:x=10:y=10",
            "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", output,
        ]);
        return await File.ReadAllBytesAsync(output);
    }
}
