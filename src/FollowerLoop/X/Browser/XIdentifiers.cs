using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace FollowerLoop.X.Browser;

/// <summary>Handles and post ids go into page paths, so only x.com's own shapes are let through.</summary>
internal static partial class XIdentifiers
{
    public static void ThrowIfNotHandle(string handle, [CallerArgumentExpression(nameof(handle))] string? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(handle, parameter);
        if (!Handle().IsMatch(handle))
        {
            throw new ArgumentException($"'{handle}' is not an X handle (1-15 letters, digits or underscores, without @).", parameter);
        }
    }

    public static void ThrowIfNotTweetId(string tweetId, [CallerArgumentExpression(nameof(tweetId))] string? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(tweetId, parameter);
        if (!TweetId().IsMatch(tweetId))
        {
            throw new ArgumentException($"'{tweetId}' is not an X post id (digits).", parameter);
        }
    }

    /// <summary>Post ids are snowflakes: a longer id is newer, and of equal length the larger one.</summary>
    public static bool IsNewer(string tweetId, string? thanTweetId) =>
        thanTweetId is null
        || tweetId.Length > thanTweetId.Length
        || (tweetId.Length == thanTweetId.Length && string.CompareOrdinal(tweetId, thanTweetId) > 0);

    [GeneratedRegex("^[A-Za-z0-9_]{1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();

    [GeneratedRegex("^[0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex TweetId();
}
