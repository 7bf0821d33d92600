using System.Text;

namespace CloudReel.Media.Assembly.Captions;

/// <summary>User text made literal for libass, and ASS times.</summary>
internal static class AssText
{
    /// <summary>
    /// Makes user text literal for libass: braces become the escapes <c>\{ \}</c> (else they open an
    /// override block) and a backslash before N, n or h gets an invisible word joiner after it (else it
    /// is a line break or hard space).
    /// </summary>
    public static string Inert(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '{' or '}':
                    result.Append('\\').Append(c);
                    break;
                case '\\' when i + 1 < text.Length && text[i + 1] is 'N' or 'n' or 'h':
                    result.Append('\\').Append('\u2060');
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>An ASS time (h:mm:ss.cc) from centiseconds.</summary>
    public static string Time(long centiseconds)
    {
        var t = TimeSpan.FromMilliseconds(centiseconds * 10);
        return FormattableString.Invariant($"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}.{t.Milliseconds / 10:00}");
    }
}
