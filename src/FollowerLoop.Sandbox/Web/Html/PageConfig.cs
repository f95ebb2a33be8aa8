namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>What main.js needs to know about the page it runs on (embedded as JSON, like x.com's initial state).</summary>
/// <param name="Page">"home", "status", "profile", "followers", "search", "notifications", "compose", "login" or "error".</param>
/// <param name="UserId">A profile's rest_id, for UserTweets and Followers when UserByScreenName's answer lacks one.</param>
internal sealed record PageConfig(string Page, string? Handle, string? ScreenName = null, string? FocalTweetId = null, string? UserId = null)
{
    public QueryIds QueryIds { get; } = new();
}
