using CloudReel.Core.Intake;
using CloudReel.Core.Ports;

namespace CloudReel.Core.Orders;

/// <summary>
/// A shot made of one's own clip that gives no <c>seconds</c> lasts as long as its clip, measured here
/// before the other checks see the order (so transitions, captions and narration are checked against
/// it), floored to a hundredth and kept within a shot's 1–60 s. A clip that cannot be measured keeps the
/// default length; the file checks say why it cannot be read.
/// </summary>
internal static class ClipLengths
{
    public static async Task<FilmOrder> FillAsync(FilmOrder order, NodeIndex index, ClipMeter? meter, CancellationToken cancellationToken)
    {
        if (meter is null || order.Shots.All(s => s.Clip is null)) return order;
        var shots = new List<ShotSpec>(order.Shots.Count);
        for (var i = 0; i < order.Shots.Count; i++)
        {
            var shot = order.Shots[i];
            if (shot.Clip is { } clip && !index.Has(CheckContext.ShotPath(i, "seconds")) && await SecondsOfAsync(meter.Files, clip, meter.Probe, cancellationToken) is { } seconds)
            {
                shot = shot with { Seconds = Math.Clamp(Math.Floor(seconds * 100) / 100, 1, 60) };
            }

            shots.Add(shot);
        }

        return order with { Shots = shots };
    }

    private static async Task<double?> SecondsOfAsync(IOrderSource source, string path, IMediaFileProbe probe, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = await source.OpenReadAsync(path, cancellationToken);
            return content is null ? null : await probe.VideoSecondsAsync(content, cancellationToken);
        }
        catch (OrderFileRefusedException)
        {
            return null;
        }
    }
}

/// <summary>Where an order's own clips are read from, and what measures them.</summary>
public sealed record ClipMeter(IMediaFileProbe Probe, IOrderSource Files);
