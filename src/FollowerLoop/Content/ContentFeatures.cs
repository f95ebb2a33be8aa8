using System.Text.RegularExpressions;
using FollowerLoop.X;

namespace FollowerLoop.Content;

/// <summary>What can be measured in a text: the content half of a training row (see design, learning.md).</summary>
public sealed partial record ContentFeatures(
    int WeightedLength,
    int Lines,
    bool HasNumber,
    bool HasQuestion,
    int EmojiCount,
    int Hashtags,
    int Links)
{
    public static ContentFeatures Of(string text) => new(
        TweetLength.Measure(text),
        text.Split('\n').Length,
        Digit().IsMatch(text),
        text.Contains('?', StringComparison.Ordinal),
        text.EnumerateRunes().Count(r => r.Value >= 0x1F300 || r.Value is >= 0x2600 and <= 0x27BF),
        Hashtag().Count(text),
        Link().Count(text));

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    [GeneratedRegex(@"(?<!\w)#\w+")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"https?://\S+|www\.\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
