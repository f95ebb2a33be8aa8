namespace FollowerLoop.Tests.Infrastructure;

/// <summary>
/// The real x.com pages and GraphQL responses the parsers and the sandbox are held to, in <c>tests/fixtures</c>: a copy of
/// the team's <c>shared/fixtures</c>, kept in the repository so that a clone anywhere can run every test
/// (<c>scripts/test</c> fails when the copy and a <c>shared/fixtures</c> beside the clone differ).
/// </summary>
internal static class SavedXFixtures
{
    /// <summary>Saved pages, with <c>expected.json</c> saying what a correct reader finds in each.</summary>
    public static string XDom { get; } = Folder("x-dom");

    /// <summary>Saved GraphQL responses; their README lists the exact numbers in each.</summary>
    public static string XGraphQl { get; } = Folder("x-graphql");

    /// <summary>A UserTweets response: a profile's timeline.</summary>
    public static string UserTweets => Path.Combine(XGraphQl, "vladkens__twscrape__raw_user_tweets.json");

    /// <summary>A UserByScreenName response: a profile's counts.</summary>
    public static string UserByLogin => Path.Combine(XGraphQl, "vladkens__twscrape__raw_user_by_login.json");

    /// <summary>A TweetDetail response: a post and its conversation.</summary>
    public static string TweetDetails => Path.Combine(XGraphQl, "vladkens__twscrape__raw_tweet_details.json");

    private static string Folder(string name)
    {
        var folder = Path.Combine(RepoRoot.Path, "tests", "fixtures", name);
        return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"The saved x.com fixtures are missing: {folder}.");
    }
}
