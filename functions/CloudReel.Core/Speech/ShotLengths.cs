using CloudReel.Core.Models;
using CloudReel.Core.Orders;

namespace CloudReel.Core.Speech;

/// <summary>
/// The length of a 'seconds: auto' shot: what its narration and dialogue take to say, with padding,
/// at the shortest length the shot's model offers that holds it. Before synthesis the reading-rate
/// estimate decides (validation, the plan a person sees); once the film is spoken the measured speech
/// does. Pure and deterministic: the same order (and the same cached speech) gives the same lengths,
/// so the same clip requests and content keys.
/// </summary>
public static class ShotLengths
{
    /// <summary>What an order writes for a shot that follows its speech.</summary>
    public const string Auto = "auto";

    /// <summary>Silence kept after the last word of a measured voice-over (its lead-in is measured with it).</summary>
    public const double TailSeconds = SpeechEstimate.PaddingSeconds - ShotSpeech.LeadSeconds;

    /// <summary>The order with every auto shot's <see cref="ShotSpec.Seconds"/> set: from <paramref name="measured"/> where the shot was spoken, else from the estimate.</summary>
    public static FilmOrder Resolve(FilmOrder order, IReadOnlyDictionary<string, ModelCapabilities> models, SpokenFilm? measured = null)
    {
        if (!order.Shots.Any(s => s.AutoSeconds)) return order;
        return order with
        {
            Shots = order.Shots.Select(shot => shot.AutoSeconds && Needed(order, shot, measured) is { } needed
                ? shot with { Seconds = Fit(needed, models.GetValueOrDefault(shot.Model ?? order.Model)) }
                : shot).ToList(),
        };
    }

    /// <summary>Seconds the shot's speech needs, padding included: measured when it was spoken, else estimated; null when it says nothing in the spoken language.</summary>
    public static double? Needed(FilmOrder order, ShotSpec shot, SpokenFilm? measured = null)
    {
        if (measured?.For(shot.Id) is { } voiced) return voiced.Seconds + TailSeconds;
        return Estimate(order, shot);
    }

    /// <summary>The reading-rate estimate of what the shot says in the spoken language, padding included; null when it says nothing there.</summary>
    public static double? Estimate(FilmOrder order, ShotSpec shot)
    {
        if (order.Voice.SpokenLanguage(order.Languages) is not { } spoken) return null;
        var texts = shot.Dialogue.Select(d => d.Text.GetValueOrDefault(spoken)).Prepend(shot.Narration.GetValueOrDefault(spoken)).OfType<string>().ToList();
        return texts.Count == 0 ? null : texts.Sum(t => SpeechEstimate.Seconds(t, order.Voice.Rate)) + SpeechEstimate.PaddingSeconds;
    }

    /// <summary>The shortest length the model offers that holds <paramref name="needed"/> (its longest when none does); tenths of a second from 1 to 60 without a model.</summary>
    public static double Fit(double needed, ModelCapabilities? model) =>
        model?.Durations.FitAtLeast(needed) ?? Math.Clamp(Math.Ceiling((needed * 10) - 1e-9) / 10, 1, 60);
}
