namespace CloudReel.Cli.Tests.Support;

/// <summary>Small orders for end-to-end runs: tiny pictures so FFmpeg is quick on two cores.</summary>
internal static class TestOrders
{
    public const string ThreeShots = """
        title: Tiny Shanghai
        style: clay animation
        languages: [zh-CN, en]
        resolution: 180p
        fps: 30
        model: animatic
        label: AI生成
        transition: crossfade
        shots:
          - id: bund
            prompt: The Bund at dusk
            seconds: 2
            image: refs/bund.jpg
            camera: pan-right
            caption: {zh-CN: 外滩的黄昏, en: Dusk on the Bund}
          - id: river
            prompt: A boat on Suzhou River
            seconds: 2
            camera: tracking
            caption: {zh-CN: 苏州河, en: Suzhou River}
            transition: cut
          - id: temple
            prompt: Golden roofs of Jing'an Temple
            seconds: 1.5
            camera: crane-up
            caption: {en: "Jing'an Temple"}
        """;

    /// <summary>Frames of <see cref="ThreeShots"/>: 60 + 60 + 45, less one 0.5 s crossfade (the second hand-over is a cut).</summary>
    public const int ThreeShotsFrames = 60 + 60 + 45 - 15;

    /// <summary>An order slow enough to be killed in the middle: five longer shots at a larger size.</summary>
    public static string Slow(int shots = 5) => $"""
        title: Slow Film
        resolution: 360p
        model: animatic
        shots:
        {string.Join("\n", Enumerable.Range(1, shots).Select(i => $"  - {{id: s{i}, prompt: Shot number {i} of a long film, seconds: 8, camera: push-in}}"))}
        """;
}
