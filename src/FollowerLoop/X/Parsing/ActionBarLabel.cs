using System.Text.RegularExpressions;

namespace FollowerLoop.X.Parsing;

/// <summary>
/// Reads the <c>aria-label</c> of a post's action bar (<c>[role="group"]</c>), e.g.
/// "499 replies, 4027 reposts, Reposted, 7120 likes, Liked, 2358 bookmarks, 9281975 views".
/// Its counts are exact, plain digits (the buttons show compact ones). Grammar, as x.com writes it:
/// comma-separated items; an item is "N noun" (singular for 1) or a state word ("Liked",
/// "Reposted", "Bookmarked") that is ignored; zero counts are left out, so an absent reply, repost,
/// like or bookmark count is 0. Views are left out on old posts too, so an absent view count stays
/// null (unknown). Quotes ("3 quotes") are not read.
/// The label follows the account's interface language ("3 respuestas, 37 Me gusta"), and "absent means 0"
/// holds only for a language the parser knows (English): one word it does not know makes the whole read
/// unknown (every count null), never a 0 and never a guess. (The exact counts come from x.com's GraphQL first.)
/// </summary>
public static partial class ActionBarLabel
{
    public static EngagementCounts Parse(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        long replies = 0, reposts = 0, likes = 0, bookmarks = 0;
        long? views = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Read to the end even then: a malformed item is a format problem whatever the language.
        var unknownWord = false;

        foreach (var item in label.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!char.IsAsciiDigit(item[0]))
            {
                unknownWord |= !States.Contains(item);
                continue;
            }

            var match = CountItem().Match(item);
            if (!match.Success)
            {
                throw new XPageFormatException($"Action bar label item '{item}' in '{label}' is not \"<count> <noun>\".");
            }

            var word = match.Groups["noun"].Value;
            if (NotRead.Contains(word))
            {
                continue;
            }

            // English writes these counts as plain digits; "5.004 Mal angezeigt" groups them as another language does.
            if (Canonical(word) is not { } noun || !match.Groups["count"].Value.All(char.IsAsciiDigit))
            {
                unknownWord = true;
                continue;
            }

            if (!seen.Add(noun))
            {
                throw new XPageFormatException($"Action bar label '{label}' names {noun} twice.");
            }

            var count = CompactNumber.Parse(match.Groups["count"].Value).Value;
            switch (noun)
            {
                case "replies": replies = count; break;
                case "reposts": reposts = count; break;
                case "likes": likes = count; break;
                case "bookmarks": bookmarks = count; break;
                default: views = count; break;
            }
        }

        return unknownWord ? EngagementCounts.Unknown : new EngagementCounts(replies, reposts, likes, bookmarks, views);
    }

    private static readonly HashSet<string> States = new(["Liked", "Reposted", "Retweeted", "Bookmarked"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> NotRead = new(["quote", "quotes"], StringComparer.OrdinalIgnoreCase);

    private static string? Canonical(string noun) => noun.ToLowerInvariant() switch
    {
        "reply" or "replies" => "replies",
        "repost" or "reposts" or "retweet" or "retweets" => "reposts",
        "like" or "likes" => "likes",
        "bookmark" or "bookmarks" => "bookmarks",
        "view" or "views" => "views",
        _ => null,
    };

    // Other languages group digits ("5.004") and write nouns of several words with quotes and hyphens
    // ("37 Me gusta", "42 „Gefällt mir“-Angaben"); a digit inside the noun is malformed.
    [GeneratedRegex(@"^(?<count>\d[\d.\u00A0\u202F]*)\s+(?<noun>[^\d\s][^\d]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CountItem();
}
