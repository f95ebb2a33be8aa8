using System.Globalization;
using System.Text;

namespace FollowerLoop.Sandbox.Text;

/// <summary>
/// x.com's weighted length (twitter-text v3), approximated: text is NFC-normalised; a URL counts 23 whatever its
/// length; an emoji (one grapheme, including sequences and flags) counts 2; any other code point counts 1 in
/// U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F, U+2032–U+2037 and 2 elsewhere (so CJK counts 2).
/// x.com's side, written apart from the client's <c>FollowerLoop.X.TweetLength</c> on purpose: a counting mistake in
/// the client then shows as x.com's refusal here instead of agreeing with itself.
/// </summary>
internal static class XComTweetLength
{
    public const int Limit = 280;

    public const int UrlWeight = 23;

    public static int Weighted(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormC);
        var total = 0;
        var position = 0;
        foreach (var url in TextPatterns.Url().EnumerateMatches(normalized))
        {
            total += WeighPlain(normalized.AsSpan(position, url.Index - position)) + UrlWeight;
            position = url.Index + url.Length;
        }

        return total + WeighPlain(normalized.AsSpan(position));
    }

    /// <summary>Whether a grapheme is an emoji: pictographs, symbols and dingbats, flags, or anything with the emoji variation selector.</summary>
    public static bool IsEmoji(ReadOnlySpan<char> grapheme)
    {
        if (grapheme.IsEmpty || Rune.DecodeFromUtf16(grapheme, out var first, out _) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        var value = first.Value;
        return value is (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) or (>= 0x2B00 and <= 0x2BFF) or (>= 0x2300 and <= 0x23FF)
            || grapheme.Contains('\uFE0F');
    }

    private static int WeighPlain(ReadOnlySpan<char> text)
    {
        var total = 0;
        var graphemes = StringInfo.GetTextElementEnumerator(text.ToString());
        while (graphemes.MoveNext())
        {
            var grapheme = graphemes.GetTextElement();
            if (IsEmoji(grapheme))
            {
                total += 2;
                continue;
            }

            foreach (var rune in grapheme.EnumerateRunes())
            {
                total += rune.Value is <= 0x10FF or (>= 0x2000 and <= 0x200D) or (>= 0x2010 and <= 0x201F) or (>= 0x2032 and <= 0x2037) ? 1 : 2;
            }
        }

        return total;
    }
}
