using CloudReel.Core.Orders;
using CloudReel.Core.Ports;
using CloudReel.Media.Ffmpeg;

namespace CloudReel.Media.Images;

/// <summary><see cref="IImageFitter"/> with FFmpeg: fill the frame, crop the overflow, write a PNG.</summary>
public sealed class FfmpegImageFitter(FfmpegRunner runner) : IImageFitter
{
    public async Task<byte[]> FitAsync(byte[] image, string extension, FrameSize size, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("cloudreel-fit-");
        try
        {
            var input = Path.Combine(folder.FullName, "in" + extension);
            var output = Path.Combine(folder.FullName, "out.png");
            await File.WriteAllBytesAsync(input, image, cancellationToken);
            var filter = $"scale={size.Width}:{size.Height}:force_original_aspect_ratio=increase,crop={size.Width}:{size.Height},setsar=1";
            await runner.RunAsync(["-y", "-i", input, "-vf", filter, "-frames:v", "1", output], null, cancellationToken);
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
