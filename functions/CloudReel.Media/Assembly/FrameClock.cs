namespace CloudReel.Media.Assembly;

/// <summary>
/// Converts film frames to the other clocks assembly needs, always from the frame number (never by
/// adding rounded durations), so no error accumulates over a long film.
/// </summary>
internal readonly record struct FrameClock(int Fps)
{
    public const int SampleRate = 48000;

    public double Seconds(long frame) => (double)frame / Fps;

    /// <summary>The audio sample at which a frame starts, rounded to the nearest sample.</summary>
    public long Sample(long frame) => (frame * SampleRate + Fps / 2) / Fps;

    /// <summary>Milliseconds, rounded to the nearest: SRT and WebVTT times.</summary>
    public long Milliseconds(long frame) => (frame * 1000 + Fps / 2) / Fps;

    /// <summary>
    /// Centiseconds for ASS, rounded down. The subtitles filter asks libass for the frame's time in
    /// whole milliseconds, and rounding down keeps an event's edge between its frame and the one
    /// before for every frame rate up to ~95 fps.
    /// </summary>
    public long Centiseconds(long frame) => frame * 100 / Fps;
}
