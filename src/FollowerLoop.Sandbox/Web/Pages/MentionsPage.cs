using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>
/// /notifications/mentions: every post that replies to, mentions or quotes the account, newest first, as
/// <c>article[data-testid="tweet"]</c> cells; a reply carries "Replying to @handle", a quote the quoted post.
/// </summary>
internal static class MentionsPage
{
    /// <summary>x.com shows about this many before it loads more on scroll; the sandbox does not scroll.</summary>
    public const int CellCount = 40;

    public static string Render(SandboxWorld world, DateTimeOffset now, PageStyle style)
    {
        var cells = world.GetSummons(now)
            .Take(CellCount)
            .Select(post => ArticleMarkup.TimelineCell(WorldViews.Summons(world, post, now), now, style, showReplyingTo: true));
        var body = $$"""
            <div class="page-header"><h2 dir="ltr" aria-level="2" role="heading"><span>Notifications</span></h2>
            <nav aria-label="Notifications timelines" role="navigation"><div role="tablist"><a href="/notifications" role="tab" aria-selected="false"><span>All</span></a><a href="/notifications/mentions" role="tab" aria-selected="true"><span>Mentions</span></a></div></nav></div>
            {{Timeline.Render("Notifications", "Notifications timeline", cells, "Nothing to see here — yet. When someone mentions you, you’ll find it here.")}}
            """;
        var handle = world.Account.Handle;
        return PageLayout.Render("Notifications", body, new PageConfig("notifications", handle), handle);
    }
}
