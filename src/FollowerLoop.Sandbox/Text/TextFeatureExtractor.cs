using System.Globalization;

namespace FollowerLoop.Sandbox.Text;

/// <summary>
/// Derives <see cref="TextFeatures"/> from a post's text alone; the rules are documented on each enum value and in
/// the sandbox README so a content generator can aim at them.
/// </summary>
public static class TextFeatureExtractor
{
    private const int OneLinerMaxLength = 100;
    private const int ShortMaxLength = 80;
    private const int MediumMaxLength = 180;
    private const int MinListItems = 3;

    public static TextFeatures Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Typographic apostrophes ("Here’s", "don’t") match the same rules as straight ones.
        text = text.Replace('\u2019', '\'');
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var firstLine = lines.Length > 0 ? lines[0] : string.Empty;
        var weighted = XComTweetLength.Weighted(text);
        var linkCount = TextPatterns.Url().Count(text);
        var withoutLinks = TextPatterns.Url().Replace(text, " ");
        return new TextFeatures(
            Format: FormatOf(text, lines, firstLine, weighted),
            Topic: TopicOf(withoutLinks),
            Hook: HookOf(firstLine),
            Length: weighted <= ShortMaxLength ? LengthBucket.Short : weighted <= MediumMaxLength ? LengthBucket.Medium : LengthBucket.Long,
            WeightedLength: weighted,
            LineCount: lines.Length,
            HasNumber: withoutLinks.Any(char.IsAsciiDigit),
            HasQuestion: text.Contains('?'),
            EmojiCount: CountEmoji(text),
            HashtagCount: TextPatterns.Hashtag().Count(withoutLinks),
            LinkCount: linkCount);
    }

    private static PostFormat FormatOf(string text, string[] lines, string firstLine, int weighted)
    {
        if (text.Contains("🧵", StringComparison.Ordinal) || TextPatterns.ThreadFirstLine().IsMatch(firstLine))
        {
            return PostFormat.Thread;
        }

        if (lines.Count(line => TextPatterns.ListItem().IsMatch(line)) >= MinListItems)
        {
            return PostFormat.List;
        }

        if (TextPatterns.HowTo().IsMatch(firstLine))
        {
            return PostFormat.HowTo;
        }

        if (TextPatterns.HotTake().IsMatch(text))
        {
            return PostFormat.HotTake;
        }

        if (lines.Length > 0 && lines[^1].EndsWith('?'))
        {
            return PostFormat.Question;
        }

        if (TextPatterns.StatNumber().IsMatch(text) || (text.Any(char.IsAsciiDigit) && TextPatterns.StatWord().IsMatch(text)))
        {
            return PostFormat.Stat;
        }

        if (TextPatterns.FirstPerson().IsMatch(firstLine))
        {
            return PostFormat.Story;
        }

        return lines.Length == 1 && weighted <= OneLinerMaxLength ? PostFormat.OneLiner : PostFormat.Statement;
    }

    /// <summary>The lower-cased words of a text, hashtags without their '#', as topic matching and search see them.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        TextPatterns.WordSeparator()
            .Split(text.ToLowerInvariant())
            .Select(word => word.TrimStart('#'))
            .Where(word => word.Length > 0)
            .ToList();

    private static PostTopic TopicOf(string text)
    {
        var padded = $" {string.Join(' ', Words(text))} ";
        var best = PostTopic.General;
        var bestHits = 0;
        foreach (var (topic, keywords) in TopicKeywords.ByTopic)
        {
            var hits = keywords.Count(keyword => padded.Contains($" {keyword} ", StringComparison.Ordinal));
            if (hits > bestHits || (hits == bestHits && hits > 0 && topic < best))
            {
                best = topic;
                bestHits = hits;
            }
        }

        return best;
    }

    private static PostHook HookOf(string firstLine)
    {
        if (firstLine.Length > 0 && char.IsAsciiDigit(firstLine[0]))
        {
            return PostHook.Number;
        }

        if (firstLine.EndsWith('?'))
        {
            return PostHook.Question;
        }

        if (TextPatterns.ContrarianHook().IsMatch(firstLine))
        {
            return PostHook.Contrarian;
        }

        if (TextPatterns.YouHook().IsMatch(firstLine))
        {
            return PostHook.You;
        }

        if (TextPatterns.CuriosityHook().IsMatch(firstLine))
        {
            return PostHook.Curiosity;
        }

        return TextPatterns.FirstPerson().IsMatch(firstLine) ? PostHook.Story : PostHook.Plain;
    }

    private static int CountEmoji(string text)
    {
        var count = 0;
        var graphemes = StringInfo.GetTextElementEnumerator(text);
        while (graphemes.MoveNext())
        {
            if (XComTweetLength.IsEmoji(graphemes.GetTextElement()))
            {
                count++;
            }
        }

        return count;
    }
}
