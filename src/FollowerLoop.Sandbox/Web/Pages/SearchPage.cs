using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>
/// /search?q=…&amp;f=live (Latest, newest first) or without f (Top, most liked first): the account's and the seeded
/// accounts' recent posts matching the query, as <c>article[data-testid="tweet"]</c> cells. /explore is the same page without a query.
/// </summary>
internal static class SearchPage
{
    private const int ResultCount = 20;

    public static string Render(SandboxWorld world, string query, bool latest, DateTimeOffset now, PageStyle style)
    {
        IEnumerable<TweetView> results = query.Length == 0
            ? []
            : world.SearchOwn(query, ResultCount).Select(post => WorldViews.Own(world, post, now))
                .Concat(world.SearchRecent(query, ResultCount).Select(post => WorldViews.Other(world, post, now)))
                .OrderByDescending(tweet => tweet.PostedAt)
                .Take(ResultCount);
        if (!latest)
        {
            results = results.OrderByDescending(tweet => tweet.Counts.Likes);
        }

        var cells = results.Select(tweet => ArticleMarkup.TimelineCell(tweet, now, style, showReplyingTo: false));
        var encoded = HtmlText.Encode(query);
        var escapedQuery = Uri.EscapeDataString(query);
        var body = $$"""
            <div class="page-header"><form action="/search" method="get" role="search" class="search-box"><input aria-label="Search query" data-testid="SearchBox_Search_Input" name="q" placeholder="Search" role="combobox" type="text" value="{{encoded}}"><input type="hidden" name="src" value="typed_query"><input type="hidden" name="f" value="live"></form>
            <nav aria-label="Search timelines" role="navigation"><div role="tablist"><a href="/search?q={{escapedQuery}}&amp;src=typed_query" role="tab" aria-selected="{{(!latest ? "true" : "false")}}"><span>Top</span></a><a href="/search?q={{escapedQuery}}&amp;src=typed_query&amp;f=live" role="tab" aria-selected="{{(latest ? "true" : "false")}}"><span>Latest</span></a><a href="/search?q={{escapedQuery}}&amp;src=typed_query&amp;f=user" role="tab" aria-selected="false"><span>People</span></a></div></nav></div>
            {{Timeline.Render("Search timeline", "Search timeline", cells, query.Length == 0 ? "Try searching for people, topics, or keywords" : $"No results for \"{query}\"")}}
            """;
        var handle = world.Account.Handle;
        return PageLayout.Render(query.Length == 0 ? "Explore" : $"{query} - Search", body, new PageConfig("search", handle), handle);
    }
}
