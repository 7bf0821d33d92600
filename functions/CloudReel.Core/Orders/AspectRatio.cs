namespace CloudReel.Core.Orders;

/// <summary>An output aspect ratio, written "16:9", "9:16" or "1:1" in orders.</summary>
public readonly record struct AspectRatio(int Width, int Height)
{
    public static readonly AspectRatio Landscape = new(16, 9);
    public static readonly AspectRatio Portrait = new(9, 16);
    public static readonly AspectRatio Square = new(1, 1);

    public static IReadOnlyList<AspectRatio> Supported { get; } = [Landscape, Portrait, Square];

    /// <summary>"16x9": the form used in file names.</summary>
    public string FileTag => $"{Width}x{Height}";

    public override string ToString() => $"{Width}:{Height}";

    public static bool TryParse(string text, out AspectRatio aspect)
    {
        aspect = Supported.FirstOrDefault(a => a.ToString() == text.Trim());
        return aspect != default;
    }

    /// <summary>The frame size with <paramref name="shortSide"/> pixels on the short side, both sides even.</summary>
    public FrameSize FrameFor(int shortSide)
    {
        var longSide = (int)Math.Round(shortSide * (double)Math.Max(Width, Height) / Math.Min(Width, Height) / 2) * 2;
        return Width >= Height ? new FrameSize(longSide, shortSide) : new FrameSize(shortSide, longSide);
    }
}

/// <summary>A picture size in pixels.</summary>
public readonly record struct FrameSize(int Width, int Height)
{
    public override string ToString() => $"{Width}x{Height}";

    public double Ratio => (double)Width / Height;

    public static bool TryParse(string text, out FrameSize size)
    {
        size = default;
        var parts = text.Split('x');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var w) || !int.TryParse(parts[1], out var h)) return false;
        size = new FrameSize(w, h);
        return w > 0 && h > 0;
    }
}
