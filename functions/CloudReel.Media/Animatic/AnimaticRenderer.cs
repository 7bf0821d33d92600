using System.Globalization;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Fonts;
using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Animatic;

/// <summary>
/// Renders one animatic shot with FFmpeg: a Ken Burns move over a reference image, or a designed
/// card (prompt-coloured gradient, shot text, footer) when there is none. H.264 yuv420p, 30 fps,
/// exactly round(seconds × 30) frames, no audio.
/// </summary>
internal sealed class AnimaticRenderer(FfmpegRunner runner, FontLocator fonts)
{
    public const int Fps = 30;

    public static int FramesFor(double seconds) => Math.Max(1, (int)Math.Round(seconds * Fps, MidpointRounding.AwayFromZero));

    public Task RenderImageAsync(ShotRequest request, string imagePath, string outputPath, CancellationToken cancellationToken)
    {
        var (w, h) = (request.Size.Width, request.Size.Height);
        var frames = FramesFor(request.Seconds);
        // zoompan positions its crop on whole input pixels: at 2x the output size each step is half an
        // output pixel, which removes the judder zoompan shows at output resolution.
        var graph = $"[0:v]trim=end_frame=1,scale={Number(2 * w)}:{Number(2 * h)}:force_original_aspect_ratio=increase," +
            $"crop={Number(2 * w)}:{Number(2 * h)},setsar=1,format=yuv444p," +
            PathFor(request).Zoompan(frames, $"{Number(w)}x{Number(h)}", Fps) +
            ",setsar=1,format=yuv420p[v]";
        return EncodeAsync(["-i", Path.GetFullPath(imagePath)], graph, frames, outputPath, cancellationToken);
    }

    // A continuing shot's picture is the last frame of the shot before it: it must open on exactly that frame.
    private static CameraPath PathFor(ShotRequest request) =>
        request.ContinuesFrom is null ? CameraPath.For(request.Camera) : CameraPath.For(request.Camera).FromWholePicture();

    public async Task RenderCardAsync(ShotRequest request, string outputPath, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        var (w, h) = (request.Size.Width, request.Size.Height);
        var frames = FramesFor(request.Seconds);
        var font = await fonts.LocateAsync();
        var palette = PromptPalette.For(request.Prompt);
        var (dx, dy) = (Math.Cos(palette.AngleRadians), Math.Sin(palette.AngleRadians));
        var background =
            $"gradients=s={Number(2 * w)}x{Number(2 * h)}:r={Number(Fps)}:c0={palette.From}:c1={palette.To}:nb_colors=2:seed=1:speed=0.00001" +
            $":x0={Number(Math.Round(w - dx * w))}:y0={Number(Math.Round(h - dy * h))}" +
            $":x1={Number(Math.Round(w + dx * w))}:y1={Number(Math.Round(h + dy * h))}," +
            // Vignette the single still before zoompan: once, not on every frame.
            "trim=end_frame=1,format=yuv444p,vignette=angle=PI/5," +
            CameraPath.For(request.Camera).Scaled(0.5).Zoompan(frames, $"{Number(w)}x{Number(h)}", Fps);

        var text = new List<string>();
        var lines = CardLayout.ShotText(request.ShotText, w, h);
        for (var i = 0; i < lines.Count; i++)
        {
            text.Add(DrawText(lines[i], scratch.File($"line-{i}.txt"), font, "white", shadowAlpha: 0.55));
        }

        var footer = CardLayout.Footer(FooterText(request), h);
        text.Add(DrawText(footer, scratch.File("footer.txt"), font, "white@0.8", shadowAlpha: 0.4));
        await Task.WhenAll(
            lines.Select((line, i) => File.WriteAllTextAsync(scratch.File($"line-{i}.txt"), line.Text, cancellationToken))
                .Append(File.WriteAllTextAsync(scratch.File("footer.txt"), footer.Text, cancellationToken)));

        var graph = background + "," + string.Join(",", text) + ",setsar=1,format=yuv420p[v]";
        await EncodeAsync([], graph, frames, outputPath, cancellationToken);
    }

    public static string FooterText(ShotRequest request) =>
        string.Create(CultureInfo.InvariantCulture, $"animatic · {CameraMoves.NameOf(request.Camera)} · {request.Seconds:0.##} s");

    // User text reaches drawtext only through textfile=, with expansion off so "%{...}" stays literal.
    private static string DrawText(CardLine line, string textFile, CjkFont font, string colour, double shadowAlpha)
    {
        var shadow = Math.Max(1, (int)Math.Round(line.FontSize / 18.0));
        return $"drawtext={FontOption(font)}:textfile={OptionValue(textFile)}:expansion=none" +
            $":fontsize={Number(line.FontSize)}:fontcolor={colour}:shadowcolor=black@{Number(shadowAlpha)}" +
            $":shadowx={Number(shadow)}:shadowy={Number(shadow)}:x=(w-text_w)/2:y={Number(line.Baseline)}-ascent";
    }

    /// <summary>
    /// drawtext's font: the file itself when the face is the file's first, else the family through
    /// fontconfig. FFmpeg 5.1's drawtext always loads face 0 of a collection, and face 0 of
    /// NotoSansCJK-Regular.ttc is the Japanese one, whose glyph forms differ from Simplified Chinese.
    /// </summary>
    internal static string FontOption(CjkFont font) =>
        font.FaceIndex == 0 ? $"fontfile={OptionValue(font.FilePath)}" : $"font={OptionValue(font.Family)}";

    private async Task EncodeAsync(string[] inputs, string graph, int frames, string outputPath, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-y", .. inputs,
            "-filter_complex", graph, "-map", "[v]", "-frames:v", Number(frames),
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-r", Number(Fps),
            "-an", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact",
            "-movflags", "+faststart", "-f", "mp4", Path.GetFullPath(outputPath),
        ];
        await runner.RunAsync(arguments, null, cancellationToken);
    }
}
