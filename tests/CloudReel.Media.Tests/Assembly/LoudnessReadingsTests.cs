using CloudReel.Media.Assembly.Audio;

namespace CloudReel.Media.Tests.Assembly;

public sealed class LoudnessReadingsTests
{
    private static readonly string[] TwoSummaries =
    [
        "[ebur128@mix @ 0x55c7aee0e840] Summary:", "", "  Integrated loudness:", "    I:         -70.0 LUFS", "    Threshold:   0.0 LUFS", "",
        "  True peak:", "    Peak:       -inf dBFS",
        "size=     568kB time=00:00:01.51",
        "[ebur128@other @ 0x55c7aee0e000] Summary:", "", "  Integrated loudness:", "    I:         -12.0 LUFS",
        "[ebur128@mix @ 0x5633e88bad80] Summary:", "", "  Integrated loudness:", "    I:         -21.7 LUFS", "    Threshold: -31.7 LUFS", "",
        "  Loudness range:", "    LRA:        20.0 LU", "    Threshold: -41.7 LUFS", "", "  True peak:", "    Peak:      -17.5 dBFS",
    ];

    [Fact]
    public void EbuR128_GraphSetUpTwice_ReadsTheLastSummaryOfThatInstance()
    {
        var measure = LoudnessReadings.EbuR128(TwoSummaries, "mix");

        measure.Should().Be(new LoudnessMeasure(-21.7, -17.5, 20.0, -31.7));
        measure.IsSilent.Should().BeFalse();
        LoudnessReadings.Integrated(TwoSummaries, "other").Should().Be(-12.0);
    }

    [Fact]
    public void EbuR128_Silence_MinusInfinityReadAsVeryQuiet()
    {
        string[] silent =
        [
            "[ebur128@mix @ 0x1] Summary:", "  Integrated loudness:", "    I:         -70.0 LUFS", "    Threshold:   0.0 LUFS",
            "  Loudness range:", "    LRA:         0.0 LU", "  True peak:", "    Peak:       -inf dBFS",
        ];

        LoudnessReadings.EbuR128(silent, "mix").Should().Match<LoudnessMeasure>(m => m.IsSilent && m.TruePeakDbtp < -90);
    }

    [Fact]
    public void EbuR128_NoSummary_SaysWhichInstance()
    {
        var read = () => LoudnessReadings.EbuR128(["nothing here"], "mix");

        read.Should().Throw<InvalidOperationException>().WithMessage("*ebur128@mix*");
    }
}
