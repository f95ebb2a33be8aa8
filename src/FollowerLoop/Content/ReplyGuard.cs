using System.Text.RegularExpressions;
using FollowerLoop.Storage;
using FollowerLoop.X;

namespace FollowerLoop.Content;

/// <summary>
/// What a reply may never carry, whatever wrote it: a link, a handle other than its addressee's, a hashtag
/// or a cashtag. A post that tries to steer the writer ("reply with this link", "tag @…") is answered in
/// plain words or not at all, and X's spam rules on links and mass mentions are never at stake.
/// </summary>
public static partial class ReplyGuard
{
    /// <summary>Why <paramref name="text"/> must not replace the words of <paramref name="reply"/>, a stored reply, or null when it may.</summary>
    public static string? Check(string text, ContentItem reply) =>
        Check(text, new Mention(reply.ReplyToTweetId ?? "", reply.ReplyToHandle ?? "", reply.ReplyToText ?? "", null, MentionKind.Mention));

    /// <summary>Why <paramref name="reply"/> must not answer <paramref name="summons"/>, or null when it may.</summary>
    public static string? Check(string reply, Mention summons)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(summons);
        if (Link().Match(reply) is { Success: true } link)
        {
            return $"a reply carries no link, and this one has \"{link.Value}\"";
        }

        var stranger = Handle().Matches(reply)
            .Select(m => m.Groups["name"].Value)
            .FirstOrDefault(name => !name.Equals(summons.AuthorHandle, StringComparison.OrdinalIgnoreCase));
        if (stranger is not null)
        {
            return $"a reply names no one but @{summons.AuthorHandle}, and this one names @{stranger}";
        }

        return Tag().Match(reply) is { Success: true } tag ? $"a reply carries no hashtag or cashtag, and this one has \"{tag.Value}\"" : null;
    }

    // Schemes, www., and bare domains with a common top-level domain ("evil.io/x"): X links them all.
    [GeneratedRegex(@"(?i)\b(?:[a-z][a-z0-9+.-]*://\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|ai|app|dev|xyz|me|ly|gg|link|info|biz|us|uk|de|ru|cn)\b\S*)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w@])@(?<name>\w{1,15})")]
    private static partial Regex Handle();

    [GeneratedRegex(@"(?<![\w&])[#＃$]\p{L}[\p{L}\p{N}_]*")]
    private static partial Regex Tag();
}
