namespace CloudReel.Core.Planning.Text;

/// <summary>The punctuation the planner splits and cuts text at.</summary>
internal static class Punctuation
{
    public static bool IsLatinSentenceEnd(char c) => c is '.' or '!' or '?' or '…';

    public static bool IsCjkSentenceEnd(char c) => c is '。' or '！' or '？' or '；';

    public static bool IsSentenceEnd(char c) => IsLatinSentenceEnd(c) || IsCjkSentenceEnd(c);

    /// <summary>Clause marks a long sentence may be split at.</summary>
    public static bool IsClauseMark(char c) => c is ',' or ';' or '，' or '、' or '；';

    /// <summary>Marks a caption may be cut after: clause marks, colons and sentence ends.</summary>
    public static bool IsCutMark(char c) => IsClauseMark(c) || IsSentenceEnd(c) || c is ':' or '：';

    /// <summary>ASCII marks only end a clause when a space or the end follows ("3.5", "1,000", "a.m" do not).</summary>
    public static bool NeedsSpaceAfter(char c) => c < 0x80;

    public static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or '」' or '』' or ')' or '）' or '》' or ']';

    /// <summary>Removes clause marks and colons left dangling at the end of a cut piece.</summary>
    public static string TrimDangling(string text) =>
        text.TrimEnd().TrimEnd(',', ';', ':', '，', '、', '；', '：', '-', '—').TrimEnd();
}
