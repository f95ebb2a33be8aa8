using FollowerLoop.Sandbox.Web.RichText;

namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>
/// Post articles with x.com's structure: <c>article[data-testid="tweet"]</c>, <c>[data-testid="User-Name"]</c>,
/// the permalink holding <c>&lt;time&gt;</c>, <c>[data-testid="tweetText"]</c> and the <c>[role="group"]</c> action bar.
/// </summary>
internal static class ArticleMarkup
{
    private const string Caret = """<div class="caret"><button aria-expanded="false" aria-haspopup="menu" aria-label="More" role="button" data-testid="caret" type="button"><div dir="ltr">···</div></button></div>""";

    /// <summary>A post in a timeline, search result or conversation: relative time, compact counts, no bookmark count.</summary>
    public static string TimelineCell(TweetView tweet, DateTimeOffset now, PageStyle style, bool showReplyingTo)
    {
        var labels = style.Labels;
        var (timeText, timeLabel) = TimeDisplay.Relative(tweet.PostedAt, now);
        var handle = HtmlText.Encode(tweet.Handle);
        return $$"""
            <div data-testid="cellInnerDiv"><div class="cell"><article aria-labelledby="{{LabelledBy(tweet.Id, labels is not null)}}" role="article" tabindex="0" data-testid="tweet" class="tweet"><div class="tweet-row">{{Avatar(tweet)}}<div class="tweet-body">
            <div class="tweet-head"><div id="id__n{{tweet.Id}}" data-testid="User-Name" class="user-name">{{NameLinks(tweet)}}<div dir="ltr" aria-hidden="true"><span>·</span></div><div><a href="/{{handle}}/status/{{tweet.Id}}" dir="ltr" aria-label="{{HtmlText.Encode(timeLabel)}}" role="link"><time datetime="{{TimeDisplay.Iso(tweet.PostedAt)}}">{{HtmlText.Encode(timeText)}}</time></a></div></div>{{Caret}}</div>
            {{(showReplyingTo ? ReplyingTo(tweet) : string.Empty)}}{{TweetText(tweet, style.RichText)}}{{QuoteBlock(tweet, now, style.RichText)}}
            {{(labels is not null ? ActionBar(tweet, labels, focal: false) : string.Empty)}}
            </div></div></article></div></div>
            """;
    }

    /// <summary>The post a status page is about: full date, views line, exact bookmark count on its button.</summary>
    public static string FocalCell(TweetView tweet, PageStyle style)
    {
        var labels = style.Labels;
        var handle = HtmlText.Encode(tweet.Handle);
        var fullTime = HtmlText.Encode(TimeDisplay.Full(tweet.PostedAt));
        var views = tweet.Counts.Views;
        var viewsLine = labels is not null && views > 0
            ? $$"""<div dir="ltr" aria-hidden="true"><span>·</span></div><div dir="ltr"><span><span data-testid="app-text-transition-container"><span><span>{{labels.Compact(views)}}</span></span></span></span> <span><span>{{labels.ViewsWord(views)}}</span></span></div>"""
            : string.Empty;
        return $$"""
            <div data-testid="cellInnerDiv"><div class="cell focal"><article aria-labelledby="{{LabelledBy(tweet.Id, labels is not null)}}" role="article" tabindex="-1" data-testid="tweet" class="tweet focal"><div class="tweet-row">{{Avatar(tweet)}}<div class="tweet-body">
            <div class="tweet-head"><div id="id__n{{tweet.Id}}" data-testid="User-Name" class="user-name">{{NameLinks(tweet)}}</div>{{Caret}}</div></div></div>
            {{TweetText(tweet, style.RichText)}}
            <div class="tweet-meta"><div dir="ltr"><a href="/{{handle}}/status/{{tweet.Id}}" aria-label="{{fullTime}}" role="link"><time datetime="{{TimeDisplay.Iso(tweet.PostedAt)}}">{{fullTime}}</time></a></div>{{viewsLine}}</div>
            {{(labels is not null ? ActionBar(tweet, labels, focal: true) : string.Empty)}}
            </article></div></div>
            """;
    }

    private static string ActionBar(TweetView tweet, CountLabels labels, bool focal)
    {
        var counts = tweet.Counts;
        var bookmarkCount = focal ? Count(counts.Bookmarks, labels) : string.Empty;
        var viewsCount = counts.Views > 0 ? Count(counts.Views, labels) : string.Empty;
        return $$"""
            <div class="actions"><div aria-label="{{labels.Group(counts)}}" role="group" id="id__g{{tweet.Id}}" class="action-bar">
            <div class="action"><button aria-label="{{labels.ReplyButton(counts.Replies)}}" role="button" data-testid="reply" type="button"><div dir="ltr">{{Icons.Reply}}</div>{{Count(counts.Replies, labels)}}</button></div>
            <div class="action"><button aria-expanded="false" aria-haspopup="menu" aria-label="{{labels.RepostButton(counts.Reposts)}}" role="button" data-testid="retweet" type="button"><div dir="ltr">{{Icons.Repost}}</div>{{Count(counts.Reposts, labels)}}</button></div>
            <div class="action"><button aria-label="{{labels.LikeButton(counts.Likes)}}" role="button" data-testid="like" type="button"><div dir="ltr">{{Icons.Like}}</div>{{Count(counts.Likes, labels)}}</button></div>
            <div class="action"><a href="/{{HtmlText.Encode(tweet.Handle)}}/status/{{tweet.Id}}/analytics" aria-label="{{labels.AnalyticsLink(counts.Views)}}" role="link"><div dir="ltr">{{Icons.Views}}</div>{{viewsCount}}</a></div>
            <div class="action"><button aria-label="{{labels.BookmarkButton(counts.Bookmarks, focal)}}" role="button" data-testid="bookmark" type="button"><div dir="ltr">{{Icons.Bookmark}}</div>{{bookmarkCount}}</button></div>
            <div class="action"><button aria-expanded="false" aria-haspopup="menu" aria-label="Share post" role="button" type="button"><div dir="ltr">{{Icons.Share}}</div></button></div>
            </div></div>
            """;
    }

    // x.com shows a compact number under a button, or an empty span when the count is 0.
    private static string Count(long value, CountLabels labels) =>
        value > 0
            ? $"""<div class="count"><span data-testid="app-text-transition-container"><span><span>{labels.ActionBarCount(value)}</span></span></span></div>"""
            : """<div class="count"><span data-testid="app-text-transition-container"><span></span></span></div>""";

    private static string LabelledBy(string id, bool withActionBar) =>
        withActionBar ? $"id__n{id} id__t{id} id__g{id}" : $"id__n{id} id__t{id}";

    private static string Avatar(TweetView tweet)
    {
        var handle = HtmlText.Encode(tweet.Handle);
        var initial = HtmlText.Encode(tweet.DisplayName.Length > 0 ? char.ToUpperInvariant(tweet.DisplayName[0]).ToString() : "?");
        return $"""<div class="avatar-col"><div data-testid="Tweet-User-Avatar"><div data-testid="UserAvatar-Container-{handle}"><a href="/{handle}" aria-hidden="true" role="link" tabindex="-1"><div class="avatar">{initial}</div></a></div></div></div>""";
    }

    private static string NameLinks(TweetView tweet)
    {
        var handle = HtmlText.Encode(tweet.Handle);
        return $"""<div class="display-name"><a href="/{handle}" role="link"><div dir="ltr"><span><span>{HtmlText.Encode(tweet.DisplayName)}</span></span></div></a></div><div class="screen-name"><a href="/{handle}" role="link" tabindex="-1"><div dir="ltr"><span>@{handle}</span></div></a></div>""";
    }

    private static string ReplyingTo(TweetView tweet) =>
        tweet.ReplyingTo is { } parent
            ? $"""<div dir="ltr" class="replying-to">Replying to <div><a href="/{HtmlText.Encode(parent)}" role="link">@{HtmlText.Encode(parent)}</a></div></div>"""
            : string.Empty;

    // As in the saved quote pages: a "Quote" label, then a focusable div[role=link] with the quoted post's name, time
    // and text; its time is not inside a permalink, so a reader picking the post's own permalink is not misled.
    private static string QuoteBlock(TweetView tweet, DateTimeOffset now, bool richText)
    {
        if (tweet.Quoted is not { } quoted)
        {
            return string.Empty;
        }

        var (timeText, timeLabel) = TimeDisplay.Relative(quoted.PostedAt, now);
        return $$"""
            <div class="quote"><div dir="ltr"><span>Quote</span></div><div role="link" tabindex="0" class="quoted"><div data-testid="User-Name" class="user-name"><div class="display-name"><div dir="ltr"><span><span>{{HtmlText.Encode(quoted.DisplayName)}}</span></span></div></div><div class="screen-name"><div dir="ltr"><span>@{{HtmlText.Encode(quoted.Handle)}}</span></div></div><div dir="ltr" aria-hidden="true"><span>·</span></div><div dir="ltr" aria-label="{{HtmlText.Encode(timeLabel)}}"><time datetime="{{TimeDisplay.Iso(quoted.PostedAt)}}">{{HtmlText.Encode(timeText)}}</time></div></div>
            <div dir="auto" lang="en" data-testid="tweetText" class="tweet-text">{{TextContent(quoted.Text, richText)}}</div></div></div>
            """;
    }

    private static string TweetText(TweetView tweet, bool richText) =>
        $"""<div dir="auto" lang="en" id="id__t{tweet.Id}" data-testid="tweetText" class="tweet-text">{TextContent(tweet.Text, richText)}</div>""";

    private static string TextContent(string text, bool richText) =>
        richText ? RichTextMarkup.Render(text) : $"<span>{HtmlText.Encode(text)}</span>";
}
