namespace CloudReel.Core.Orders;

/// <summary>Binding of what the assembler needs: aspects with their settings, loudness, music, logo, label, poster.</summary>
internal sealed partial class OrderBinder
{
    private AspectSettings? BindAspect(OrderNode node)
    {
        var (ratio, map) = node switch
        {
            ScalarNode { IsText: true } scalar => (scalar.Text, null),
            MappingNode mapping => (Text(mapping, "ratio"), mapping),
            _ => (null, (MappingNode?)null),
        };
        if (ratio is null || !AspectRatio.TryParse(ratio, out var aspect)) return null;
        return map is null
            ? new AspectSettings(aspect)
            : new AspectSettings(aspect, BindLoudness(Usable(map.Find("loudness"))), Choice<ReframeMode>(map, "reframe"));
    }

    private static LoudnessTarget? BindLoudness(OrderNode? node) => node switch
    {
        ScalarNode { IsText: true } preset => LoudnessTarget.FromPreset(preset.Text),
        ScalarNode { Kind: ScalarKind.Number } lufs => new LoudnessTarget(lufs.Number),
        _ => null,
    };

    private (string? File, MusicMix Mix) BindMusic(OrderNode? node)
    {
        var defaults = MusicMix.Default;
        return node switch
        {
            ScalarNode { IsText: true } path => (path.Text, defaults),
            MappingNode map => (Text(map, "file"), new MusicMix(
                Number(map, "volume") ?? defaults.Volume,
                Number(map, "fadeIn") ?? defaults.FadeInSeconds,
                Number(map, "fadeOut") ?? defaults.FadeOutSeconds,
                Flag(map, "loop") ?? defaults.Loop,
                Flag(map, "duck") ?? defaults.Duck)),
            _ => (null, defaults),
        };
    }

    private (string? File, LogoPlacement Placement) BindLogo(OrderNode? node)
    {
        var defaults = LogoPlacement.Default;
        return node switch
        {
            ScalarNode { IsText: true } path => (path.Text, defaults),
            MappingNode map => (Text(map, "file"), new LogoPlacement(
                Choice<Corner>(map, "position") ?? defaults.Position,
                Number(map, "width") ?? defaults.Width,
                Number(map, "opacity") ?? defaults.Opacity)),
            _ => (null, defaults),
        };
    }

    private (string? Text, LabelDisplay Display) BindLabel(OrderNode? node)
    {
        var defaults = LabelDisplay.Default;
        return node switch
        {
            ScalarNode { IsText: true } text => (text.Text, defaults),
            MappingNode map => (Text(map, "text"), new LabelDisplay(
                Choice<Corner>(map, "position") ?? defaults.Position,
                Choice<LabelShow>(map, "show") ?? defaults.Show,
                Number(map, "seconds") ?? defaults.Seconds)),
            _ => (null, defaults),
        };
    }

    private PosterChoice? BindPoster(OrderNode? node) => node switch
    {
        ScalarNode { IsText: true } shot => new PosterChoice(shot.Text),
        MappingNode map when Text(map, "shot") is { } shot => new PosterChoice(shot, Number(map, "at")),
        _ => null,
    };
}
