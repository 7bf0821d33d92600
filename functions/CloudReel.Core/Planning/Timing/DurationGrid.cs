using CloudReel.Core.Models;

namespace CloudReel.Core.Planning.Timing;

/// <summary>
/// The shot lengths a model accepts, as steps the planner can move along: a continuous range in
/// half seconds, or the model's own list.
/// </summary>
internal sealed class DurationGrid
{
    public const double Step = 0.5;

    private readonly DurationOptions _options;
    private readonly double[] _allowed;

    public DurationGrid(DurationOptions options)
    {
        _options = options;
        _allowed = _options.Allowed is { Count: > 0 } list ? [.. list.Order()] : [];
    }

    public bool IsDiscrete => _allowed.Length > 0;

    public double Min => IsDiscrete ? _allowed[0] : _options.Min;

    public double Max => IsDiscrete ? _allowed[^1] : _options.Max;

    /// <summary>The accepted length nearest to <paramref name="seconds"/>; a tie goes to the longer one.</summary>
    public double Fit(double seconds)
    {
        if (!IsDiscrete) return Math.Clamp(RoundToStep(seconds), _options.Min, _options.Max);
        var best = _allowed[0];
        foreach (var allowed in _allowed)
        {
            if (Math.Abs(allowed - seconds) <= Math.Abs(best - seconds) + 1e-9) best = allowed;
        }
        return best;
    }

    public bool Accepts(double seconds) => _options.Accepts(seconds);

    /// <summary>The shortest accepted length of at least <paramref name="seconds"/> (the longest when none is).</summary>
    public double AtLeast(double seconds)
    {
        if (IsDiscrete) return _allowed.FirstOrDefault(a => a >= seconds - 1e-9, _allowed[^1]);
        return Math.Clamp(Math.Ceiling(seconds / Step - 1e-9) * Step, _options.Min, _options.Max);
    }

    /// <summary>The next accepted length above (<paramref name="direction"/> &gt; 0) or below, or null at the edge.</summary>
    public double? Next(double seconds, int direction)
    {
        if (IsDiscrete)
        {
            var candidates = direction > 0 ? _allowed.Where(a => a > seconds + 1e-9) : _allowed.Where(a => a < seconds - 1e-9).Reverse();
            return candidates.Select(a => (double?)a).FirstOrDefault();
        }
        var next = Math.Clamp(RoundToStep(seconds + direction * Step), _options.Min, _options.Max);
        return Math.Abs(next - seconds) < 1e-9 ? null : next;
    }

    public override string ToString() => _options.ToString();

    public static double RoundToStep(double seconds) => Math.Round(seconds / Step, MidpointRounding.AwayFromZero) * Step;
}
