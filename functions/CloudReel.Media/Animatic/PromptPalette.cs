using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CloudReel.Media.Animatic;

/// <summary>
/// Two soft, dark-enough colours and a gradient direction derived from SHA-256 of the prompt:
/// the same prompt always gets the same card, different prompts look different.
/// </summary>
internal sealed record PromptPalette(string From, string To, double AngleRadians)
{
    public static PromptPalette For(string prompt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(prompt));
        var hue = (hash[0] << 8 | hash[1]) % 360;
        var hueShift = 30 + hash[2] % 60;
        var saturation = 0.40 + hash[3] % 20 / 100.0;
        var angle = hash[4] / 255.0 * Math.PI * 2;
        return new PromptPalette(
            Hex(hue, saturation, 0.36),
            Hex((hue + hueShift) % 360, saturation + 0.05, 0.24),
            angle);
    }

    private static string Hex(double hue, double saturation, double lightness)
    {
        var (r, g, b) = FromHsl(hue, saturation, lightness);
        return string.Create(CultureInfo.InvariantCulture, $"0x{r:X2}{g:X2}{b:X2}");
    }

    private static (int R, int G, int B) FromHsl(double hue, double s, double l)
    {
        var chroma = (1 - Math.Abs(2 * l - 1)) * s;
        var h = hue / 60;
        var x = chroma * (1 - Math.Abs(h % 2 - 1));
        var (r, g, b) = h switch
        {
            < 1 => (chroma, x, 0.0),
            < 2 => (x, chroma, 0.0),
            < 3 => (0.0, chroma, x),
            < 4 => (0.0, x, chroma),
            < 5 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        var m = l - chroma / 2;
        return (ToByte(r + m), ToByte(g + m), ToByte(b + m));
    }

    private static int ToByte(double v) => (int)Math.Round(Math.Clamp(v, 0, 1) * 255);
}
