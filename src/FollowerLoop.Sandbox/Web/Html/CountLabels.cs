using System.Globalization;
using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>
/// The accessible labels x.com puts on a post's action bar, with exact counts: the group's
/// "12 replies, 3 reposts, 1234 likes, 5 bookmarks, 45678 views" (zeros left out, singular for 1, empty when all
/// are zero) and each button's ("12 Replies. Reply", "1 repost. Repost", "0 Likes. Like").
/// </summary>
internal static class CountLabels
{
    public static string Group(EngagementCounts counts)
    {
        var parts = new List<string>(5);
        AddPart(parts, counts.Replies, "reply", "replies");
        AddPart(parts, counts.Reposts, "repost", "reposts");
        AddPart(parts, counts.Likes, "like", "likes");
        AddPart(parts, counts.Bookmarks, "bookmark", "bookmarks");
        AddPart(parts, counts.Views, "view", "views");
        return string.Join(", ", parts);
    }

    public static string ReplyButton(long count) => $"{Count(count, "Reply", "Replies")}. Reply";

    public static string RepostButton(long count) => $"{Count(count, "repost", "reposts")}. Repost";

    public static string LikeButton(long count) => $"{Count(count, "Like", "Likes")}. Like";

    /// <summary>Timelines say just "Bookmark"; the focal post shows its count once it has one.</summary>
    public static string BookmarkButton(long count, bool focal) =>
        focal && count > 0 ? $"{Count(count, "Bookmark", "Bookmarks")}. Bookmark" : "Bookmark";

    public static string AnalyticsLink(long views) =>
        views > 0 ? $"{Count(views, "view", "views")}. View post analytics" : "View post analytics";

    public static string Count(long count, string singular, string plural) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural)}";

    private static void AddPart(List<string> parts, long count, string singular, string plural)
    {
        if (count > 0)
        {
            parts.Add(Count(count, singular, plural));
        }
    }
}
