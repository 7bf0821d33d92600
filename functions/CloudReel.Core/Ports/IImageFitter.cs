using CloudReel.Core.Orders;

namespace CloudReel.Core.Ports;

/// <summary>Scales and centre-crops a picture to an exact size (Sora 2 takes only a reference image of the video's size).</summary>
public interface IImageFitter
{
    Task<byte[]> FitAsync(byte[] image, string extension, FrameSize size, CancellationToken cancellationToken);
}
