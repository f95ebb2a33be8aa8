using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>/{handle}/status/{id}/analytics: the target of the views link, with the post's counts.</summary>
internal static class AnalyticsPage
{
    public static string Render(TweetView tweet, string viewer)
    {
        var counts = tweet.Counts;
        var body = $$"""
            <div class="page-header"><h2 dir="ltr" aria-level="2" role="heading"><span>Post Analytics</span></h2></div>
            <div class="profile-header"><div data-testid="analyticsImpressions"><span>Impressions</span> <span>{{XComCompactNumber.Profile(counts.Views)}}</span></div>
            <div data-testid="analyticsEngagements"><span>Engagements</span> <span>{{XComCompactNumber.Profile(counts.Interactions)}}</span></div>
            <a href="/{{HtmlText.Encode(tweet.Handle)}}/status/{{tweet.Id}}" role="link">Back to post</a></div>
            """;
        return PageLayout.Render("Post Analytics", body, new PageConfig("analytics", viewer, tweet.Handle, tweet.Id), viewer);
    }
}
