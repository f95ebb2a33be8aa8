using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>
/// /{handle}/status/{id}: the post it replies to (if any) above, the focal article, a reply composer, then the
/// replies below, so a reader must pick the focal article by its permalink, as on x.com.
/// </summary>
internal static class StatusPage
{
    private const int MaxFanReplies = 5;

    public static string Render(SandboxWorld world, TweetView focal, DateTimeOffset now, PageStyle style)
    {
        var cells = new List<string>();
        if (focal.InReplyToId is { } parentId && WorldViews.FindTweet(world, parentId, now) is { } parent)
        {
            cells.Add(ArticleMarkup.TimelineCell(parent, now, style, showReplyingTo: true));
        }

        cells.Add(ArticleMarkup.FocalCell(focal, style));
        cells.Add($"""<div data-testid="cellInnerDiv"><div class="cell reply-cell"><div dir="ltr" class="replying-to">Replying to <a href="/{HtmlText.Encode(focal.Handle)}" role="link"><span>@{HtmlText.Encode(focal.Handle)}</span></a></div>{ComposerMarkup.Render("Post your reply", "tweetButtonInline", "Reply", focal.Id)}</div></div>""");
        cells.AddRange(Replies(world, focal, now).Select(reply => ArticleMarkup.TimelineCell(reply, now, style, showReplyingTo: false)));
        var body = $$"""
            <div class="page-header"><h2 dir="ltr" aria-level="2" role="heading"><span>Post</span></h2></div>
            {{Timeline.Render("Conversation", "Conversation", cells, string.Empty)}}
            """;
        var handle = world.Account.Handle;
        var title = $"{focal.DisplayName} on X: \"{(focal.Text.Length > 60 ? focal.Text[..60] + "…" : focal.Text)}\"";
        return PageLayout.Render(title, body, new PageConfig("status", handle, focal.Handle, focal.Id), handle);
    }

    private static IEnumerable<TweetView> Replies(SandboxWorld world, TweetView focal, DateTimeOffset now)
    {
        var own = world.GetOwnReplies(focal.Id, now).Select(reply => WorldViews.Own(world, reply, now));
        var fans = world.FindPost(focal.Id) is { } post
            ? world.GetFanReplies(post, now, MaxFanReplies).Select(reply => WorldViews.Summons(world, reply, now))
            : [];
        return own.Concat(fans).OrderBy(reply => reply.PostedAt);
    }
}
