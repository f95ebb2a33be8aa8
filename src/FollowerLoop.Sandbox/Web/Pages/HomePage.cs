using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>
/// /home: the inline composer (<c>tweetTextarea_0</c> + <c>tweetButtonInline</c>) and a timeline of the account's and
/// the seeded accounts' recent posts. /compose/post adds x.com's compose dialog (<c>tweetButton</c>) instead of the inline composer.
/// </summary>
internal static class HomePage
{
    private const int TimelineSize = 20;
    private const string Placeholder = "What is happening?!";

    public static string Render(SandboxWorld world, DateTimeOffset now, PageStyle style, bool composeDialog)
    {
        var own = world.GetPosts().Where(post => post.PostedAt <= now).Select(post => WorldViews.Own(world, post, now));
        var others = world.SearchRecent(string.Empty, TimelineSize).Select(post => WorldViews.Other(world, post, now));
        var cells = own.Concat(others)
            .OrderByDescending(tweet => tweet.PostedAt)
            .Take(TimelineSize)
            .Select(tweet => ArticleMarkup.TimelineCell(tweet, now, style, showReplyingTo: true));
        var composer = composeDialog ? string.Empty : ComposerMarkup.Render(Placeholder, "tweetButtonInline", "Post", null);
        var body = $$"""
            <div class="page-header"><h2 dir="ltr" aria-level="2" role="heading"><span>Home</span></h2>
            <nav aria-label="Home timeline" role="navigation"><div role="tablist"><a href="/home" role="tab" aria-selected="false"><span>For you</span></a><a href="/home" role="tab" aria-selected="true"><span>Following</span></a></div></nav></div>
            {{composer}}
            {{Timeline.Render("Your Home Timeline", "Your Home Timeline", cells, "Welcome to X!")}}
            """;
        var dialog = composeDialog
            ? $$"""<div role="dialog" aria-modal="true" aria-labelledby="modal-header"><div class="page-header"><a href="/home" aria-label="Close" role="button" data-testid="app-bar-close">✕</a><h2 id="modal-header" class="visually-hidden">Compose post</h2></div>{{ComposerMarkup.Render(Placeholder, "tweetButton", "Post", null)}}</div>"""
            : string.Empty;
        var handle = world.Account.Handle;
        return PageLayout.Render(composeDialog ? "Compose new post" : "Home", body, new PageConfig(composeDialog ? "compose" : "home", handle), handle, dialog);
    }
}
