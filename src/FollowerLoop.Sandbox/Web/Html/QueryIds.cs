namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>
/// The GraphQL query ids the pages call. x.com rotates its ids; clients should match the operation name at the end
/// of the path (…/CreateTweet), and the sandbox accepts any id there.
/// </summary>
internal sealed record QueryIds
{
    public string CreateTweet { get; } = "a1p9RWpkYKBjWv_I3WzS-A";

    public string UserByScreenName { get; } = "qW5u-DAuXpMEG0zA1F7UGQ";

    public string TweetDetail { get; } = "xOhkmRac04YFZmOzU9PJHg";

    public string UserTweets { get; } = "E3opETHurmVJflFsUBVuUQ";

    public string Followers { get; } = "OGScL-RC4DFMsRGOCjPR6g";
}
