using System.Globalization;
using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Profiles;

/// <summary>
/// A profile's Posts tab, paged as x.com's UserTweets pages it: the page, its UserTweets answer and the cells main.js
/// appends on scroll all read it here, so they show the same posts. Replies are left out, as on x.com.
/// </summary>
internal static class ProfilePosts
{
    /// <summary>Posts per page: what the page renders and x.com's client asks UserTweets for.</summary>
    public const int PageSize = 20;

    public const int MaxPageSize = 100;

    /// <param name="cursor">Null for the newest page.</param>
    public static ProfilePostsPage Read(SandboxWorld world, UserView user, DateTimeOffset now, TimelineCursor? cursor, int count)
    {
        var newestFirst = NewestFirst(world, user, now);
        var posts = cursor switch
        {
            null => newestFirst.Take(count),
            { Type: CursorType.Bottom } => newestFirst.Where(post => IdOf(post) < cursor.PostId).Take(count),
            // The newer posts next to the cursor, so paging up leaves no gap.
            _ => newestFirst.Where(post => IdOf(post) > cursor.PostId).TakeLast(count),
        };
        var page = posts.ToList();

        // An empty page keeps the position it was asked for; the first page of an empty timeline stands before every post.
        var boundary = cursor?.PostId ?? 0;
        return new ProfilePostsPage(
            page,
            new TimelineCursor(CursorType.Top, page.Count > 0 ? IdOf(page[0]) : boundary),
            new TimelineCursor(CursorType.Bottom, page.Count > 0 ? IdOf(page[^1]) : boundary));
    }

    /// <summary>A requested page size, as x.com treats it: the default when absent, within 1 to <see cref="MaxPageSize"/>.</summary>
    public static int ClampCount(int? requested) => Math.Clamp(requested ?? PageSize, 1, MaxPageSize);

    public static IEnumerable<string> Cells(ProfilePostsPage page, DateTimeOffset now, PageStyle style) =>
        page.Posts.Select(tweet => ArticleMarkup.TimelineCell(tweet, now, style, showReplyingTo: false));

    // Ids are snowflakes (time, then worker and sequence), so their order is the posting order even within one millisecond.
    private static List<TweetView> NewestFirst(SandboxWorld world, UserView user, DateTimeOffset now)
    {
        var tweets = user.IsSandboxAccount
            ? world.GetPosts().Where(post => post.PostedAt <= now && post.InReplyToId is null).Select(post => WorldViews.Own(world, post, now))
            : world.SearchRecent($"from:{user.Handle}", int.MaxValue).Select(post => WorldViews.Other(world, post, now));
        return [.. tweets.OrderByDescending(IdOf)];
    }

    private static long IdOf(TweetView tweet) => long.Parse(tweet.Id, NumberStyles.None, CultureInfo.InvariantCulture);
}
