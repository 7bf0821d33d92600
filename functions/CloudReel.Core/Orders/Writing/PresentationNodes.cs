using static CloudReel.Core.Orders.OrderNodes;

namespace CloudReel.Core.Orders;

/// <summary>
/// The node forms of music, logo, label, poster and focus: the short form (a path, a text, a shot id)
/// when everything else is the default, else a mapping with only what differs.
/// </summary>
internal static class PresentationNodes
{
    public static OrderNode Music(string file, MusicMix mix)
    {
        var defaults = MusicMix.Default;
        if (mix == defaults) return OrderNodes.Text(file);
        var node = WithFile("file", file);
        if (mix.Volume != defaults.Volume) Put(node, "volume", Number(mix.Volume));
        if (mix.FadeInSeconds != defaults.FadeInSeconds) Put(node, "fadeIn", Number(mix.FadeInSeconds));
        if (mix.FadeOutSeconds != defaults.FadeOutSeconds) Put(node, "fadeOut", Number(mix.FadeOutSeconds));
        if (mix.Loop != defaults.Loop) Put(node, "loop", Flag(mix.Loop));
        if (mix.Duck != defaults.Duck) Put(node, "duck", Flag(mix.Duck));
        return node;
    }

    public static OrderNode Logo(string file, LogoPlacement placement)
    {
        var defaults = LogoPlacement.Default;
        if (placement == defaults) return OrderNodes.Text(file);
        var node = WithFile("file", file);
        if (placement.Position != defaults.Position) Put(node, "position", OrderNodes.Text(KebabNames.Of(placement.Position)));
        if (placement.Width != defaults.Width) Put(node, "width", Number(placement.Width));
        if (placement.Opacity != defaults.Opacity) Put(node, "opacity", Number(placement.Opacity));
        return node;
    }

    public static OrderNode Label(string text, LabelDisplay display)
    {
        var defaults = LabelDisplay.Default;
        if (display == defaults) return OrderNodes.Text(text);
        var node = WithFile("text", text);
        if (display.Position != defaults.Position) Put(node, "position", OrderNodes.Text(KebabNames.Of(display.Position)));
        if (display.Show != defaults.Show) Put(node, "show", OrderNodes.Text(KebabNames.Of(display.Show)));
        if (display.Seconds != defaults.Seconds) Put(node, "seconds", Number(display.Seconds));
        return node;
    }

    public static OrderNode Poster(PosterChoice poster)
    {
        if (poster.AtSeconds is not { } at) return OrderNodes.Text(poster.ShotId);
        var node = WithFile("shot", poster.ShotId);
        Put(node, "at", Number(at));
        return node;
    }

    public static OrderNode Focus(FocusPoint focus)
    {
        var node = Mapping();
        Put(node, "x", Number(focus.X));
        Put(node, "y", Number(focus.Y));
        return node;
    }

    private static MappingNode WithFile(string key, string value)
    {
        var node = Mapping();
        Put(node, key, OrderNodes.Text(value));
        return node;
    }

    private static ScalarNode Flag(bool value) => ScalarNode.OfBoolean(SourcePosition.Start, value);
}
