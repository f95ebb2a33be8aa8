using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FollowerLoop.X;

/// <summary>
/// x.com's weighted post length (twitter-text v3): at most 280; Latin and most punctuation weigh 1,
/// other scripts (CJK, …) 2 per code point, an emoji sequence 2 however many code points it has,
/// and every URL 23 whatever its length. Used by the poster and the content guards.
/// </summary>
/// <remarks>
/// An approximation of twitter-text: URLs are those with a scheme, <c>www.</c>, or a bare domain
/// with a common TLD; emoji are recognised by their code points (pictographs, flags, keycaps, ZWJ
/// and variation selectors) rather than by the full Unicode emoji list.
/// </remarks>
public static partial class TweetLength
{
    public const int MaxWeightedLength = 280;

    /// <summary>What x.com counts for any URL (its t.co link).</summary>
    public const int UrlWeight = 23;

    public static TweetLengthCheck Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TweetLengthCheck(0, "The post text is empty.");
        }

        var length = Measure(text);
        return length <= MaxWeightedLength
            ? new TweetLengthCheck(length, null)
            : new TweetLengthCheck(length, $"The post text weighs {length} and x.com allows {MaxWeightedLength} (a URL counts {UrlWeight}; CJK characters and emoji count 2).");
    }

    /// <summary>Whether x.com will link something in the text (a post with a link is priced apart).</summary>
    public static bool HasUrl(string text) => Url().IsMatch(text.Normalize(NormalizationForm.FormC));

    public static int Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormC);
        var length = 0;
        var position = 0;
        foreach (Match url in Url().Matches(normalized))
        {
            var kept = url.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '\'', '"');
            length += MeasureText(normalized[position..url.Index]) + UrlWeight;
            position = url.Index + kept.Length;
        }

        return length + MeasureText(normalized[position..]);
    }

    private static int MeasureText(string text)
    {
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            length += IsEmoji(element) ? 2 : element.EnumerateRunes().Sum(Weight);
        }

        return length;
    }

    /// <summary>twitter-text's light ranges; everything else weighs 2.</summary>
    private static int Weight(Rune rune) => rune.Value switch
    {
        <= 0x10FF => 1,
        >= 0x2000 and <= 0x200D => 1,
        >= 0x2010 and <= 0x201F => 1,
        >= 0x2032 and <= 0x2037 => 1,
        _ => 2,
    };

    private static bool IsEmoji(string element)
    {
        foreach (var rune in element.EnumerateRunes())
        {
            var isEmoji = rune.Value is (>= 0x1F000 and <= 0x1FAFF) or 0xFE0F or 0x200D or 0x20E3;
            if (isEmoji && (element.Length > 1 || rune.Value >= 0x1F000))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\bhttps?://\S+|\bwww\.\S+|(?<![\w@.-])[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|ai|dev|app|me|ly|gg|tv|xyz|info|edu|gov|uk|de)\b(?:/\S*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
