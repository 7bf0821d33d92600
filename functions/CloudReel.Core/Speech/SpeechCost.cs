using CloudReel.Core.Orders;

namespace CloudReel.Core.Speech;

/// <summary>What an order's speech will cost before anything is synthesised: the characters of every spoken line times the provider's price.</summary>
public static class SpeechCost
{
    /// <summary>The characters the film speaks: its spoken language's narration and dialogue.</summary>
    public static int Characters(FilmOrder order)
    {
        if (order.Voice.SpokenLanguage(order.Languages) is not { } spoken) return 0;
        return order.Shots.Sum(shot => (shot.Narration.GetValueOrDefault(spoken)?.Length ?? 0)
            + shot.Dialogue.Sum(line => line.Text.GetValueOrDefault(spoken)?.Length ?? 0));
    }

    public static decimal Estimate(FilmOrder order, SpeechProviderInfo provider) =>
        decimal.Round(Characters(order) * provider.PricePerMillionCharacters / 1_000_000m, 6);
}
