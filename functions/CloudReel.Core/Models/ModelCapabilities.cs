using CloudReel.Core.Orders;

namespace CloudReel.Core.Models;

/// <summary>
/// What a video model can do and what it costs. The planner fits shots to it and validation
/// rejects what it cannot do before any money is spent.
/// </summary>
public sealed record ModelCapabilities
{
    /// <summary>The name orders use, e.g. "animatic", "kling-v2-1", "sora-2".</summary>
    public required string Name { get; init; }

    /// <summary>Model version; part of every content key, so a new version never reuses old clips.</summary>
    public required string Version { get; init; }

    public required DurationOptions Durations { get; init; }

    /// <summary>Sizes the model renders; empty means any even size.</summary>
    public IReadOnlyList<FrameSize> Sizes { get; init; } = [];

    /// <summary>Who runs the model, for people: "Kling (Kuaishou)", "self-hosted ComfyUI".</summary>
    public string Provider { get; init; } = "";

    /// <summary>Starts from a reference image (a shot's <c>image</c>).</summary>
    public bool ImageToVideo { get; init; }

    public bool TextToVideo { get; init; } = true;

    /// <summary>Ends on a given picture (a shot's <c>lastImage</c>); needs a first frame too.</summary>
    public bool LastFrame { get; init; }

    /// <summary>How many subject reference images (a shot's <c>references</c>) the model keeps; 0 for none.</summary>
    public int MaxReferenceImages { get; init; }

    /// <summary>How many pictures of one character the model takes (Vidu: three per subject); at most <see cref="MaxReferenceImages"/>.</summary>
    public int MaxPicturesPerSubject { get; init; } = int.MaxValue;

    /// <summary>Makes sound with its pictures (Sora 2): a silent clip from it is a bad take.</summary>
    public bool MakesSound { get; init; }

    /// <summary>Its pictures may stand still by design (the animatic's storyboard cards): a still stretch is no frozen take.</summary>
    public bool StillPictures { get; init; }

    /// <summary>Runs a workflow graph the order names (<c>workflow</c>), e.g. ComfyUI.</summary>
    public bool NeedsWorkflow { get; init; }

    /// <summary>Jobs the service runs at once for one account; more are queued here, not sent.</summary>
    public int MaxConcurrentJobs { get; init; } = 2;

    /// <summary>
    /// Models that share the service's job slots (e.g. Sora 1 and Sora 2 on one Azure resource) name
    /// the same group; by default a model is its own group.
    /// </summary>
    public string? ConcurrencyGroup { get; init; }

    public decimal PricePerSecond { get; init; }

    public string Currency { get; init; } = "USD";

    /// <summary>Maximum prompt length in characters.</summary>
    public int MaxPromptLength { get; init; } = 2000;

    /// <summary>How often to ask about a running job when the service gives no hint of its own.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a job may take before the attempt is given up as timed out.</summary>
    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Whether sending the same job twice costs nothing (a local or self-hosted model). Only then
    /// is an interrupted submit simply sent again. Defaults to "the model is free"; a paid service
    /// whose price is configured as 0 must still say false.
    /// </summary>
    public bool ResubmitIsFree
    {
        get => _resubmitIsFree ?? PricePerSecond == 0m;
        init => _resubmitIsFree = value;
    }

    private readonly bool? _resubmitIsFree;

    public decimal EstimateCost(double seconds) => decimal.Round(PricePerSecond * (decimal)seconds, 4);

    /// <summary>
    /// The size to generate for an output of <paramref name="wanted"/>: the same shape, the closest
    /// size that is at least as large (else the largest), or <paramref name="wanted"/> when any size goes.
    /// </summary>
    public FrameSize ChooseSize(FrameSize wanted)
    {
        if (Sizes.Count == 0) return wanted;
        var sameShape = Sizes.Where(s => Math.Abs(s.Ratio - wanted.Ratio) < 0.02).ToList();
        var candidates = sameShape.Count > 0 ? sameShape : Sizes.ToList();
        var atLeast = candidates.Where(s => s.Width >= wanted.Width && s.Height >= wanted.Height)
            .OrderBy(s => s.Width * s.Height).ToList();
        return atLeast.Count > 0 ? atLeast[0] : candidates.OrderByDescending(s => s.Width * s.Height).First();
    }
}

/// <summary>Clip lengths a model accepts: a continuous range, or only the listed values.</summary>
public sealed record DurationOptions(double Min, double Max, IReadOnlyList<double>? Allowed = null)
{
    public static DurationOptions Range(double min, double max) => new(min, max);

    public static DurationOptions Only(params double[] allowed) => new(allowed.Min(), allowed.Max(), allowed);

    public bool Accepts(double seconds) => Allowed is { } list
        ? list.Any(a => Math.Abs(a - seconds) < 1e-6)
        : seconds >= Min - 1e-6 && seconds <= Max + 1e-6;

    /// <summary>The shortest accepted length of at least <paramref name="seconds"/> (the longest when none is).</summary>
    public double FitAtLeast(double seconds) => Allowed is { } list
        ? list.Where(a => a >= seconds - 1e-6).DefaultIfEmpty(list.Max()).Min()
        : Math.Clamp(Math.Ceiling(seconds * 10) / 10, Min, Max);

    /// <summary>The accepted length nearest to <paramref name="seconds"/>.</summary>
    public double Fit(double seconds) => Allowed is { } list
        ? list.OrderBy(a => Math.Abs(a - seconds)).ThenBy(a => a).First()
        : Math.Clamp(Math.Round(seconds * 10, MidpointRounding.AwayFromZero) / 10, Min, Max);

    public override string ToString() => Allowed is { } list
        ? IsWholeSecondRun(list)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Min:0}–{Max:0} s in whole seconds")
            : string.Join(", ", list.Select(a => a.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture))) + " s"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Min:0.##}–{Max:0.##} s");

    /// <summary>Three or more consecutive whole seconds (1, 2, 3 … 20) read better as a range.</summary>
    private static bool IsWholeSecondRun(IReadOnlyList<double> list) =>
        list.Count >= 3 && list.All(a => a == Math.Floor(a)) && list.Order().Zip(list.Order().Skip(1)).All(p => p.Second - p.First == 1);
}
