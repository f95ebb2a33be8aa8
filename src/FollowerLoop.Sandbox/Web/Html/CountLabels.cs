using System.Globalization;
using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>
/// The words x.com puts around counts, in the account's interface language: the action bar's accessible labels
/// with exact counts (English: the group's "12 replies, 3 reposts, 1234 likes, 5 bookmarks, 45678 views", zeros left
/// out, singular for 1, empty when all are zero; each button's "12 Replies. Reply") and the profile's count links
/// ("12.3K Followers"). <see cref="Spanish"/> is the sandbox's <c>spanish</c> fault mode: the same counts, in words and
/// number formats a reader that knows only English must not guess at ("3 respuestas, 37 Me gusta", "12,3 mil Seguidores");
/// <see cref="German"/> is the <c>german</c> fault mode, with German separators even in the exact counts
/// ("1.234 Mal angezeigt", "12.345 Follower", "1,2 Mio.").
/// </summary>
internal sealed class CountLabels
{
    private readonly Words _words;

    private CountLabels(Words words) => _words = words;

    public static CountLabels English { get; } = new(new Words(
        ("reply", "replies"), ("repost", "reposts"), ("like", "likes"), ("bookmark", "bookmarks"), ("view", "views"),
        ("Reply", "Replies", "Reply"), ("repost", "reposts", "Repost"), ("Like", "Likes", "Like"), ("Bookmark", "Bookmarks", "Bookmark"),
        "View post analytics", ("Follower", "Followers"), "Following", ("View", "Views"),
        new Numbers(Plain, XComCompactNumber.Profile, XComCompactNumber.ActionBar)));

    public static CountLabels Spanish { get; } = new(new Words(
        ("respuesta", "respuestas"), ("repost", "reposts"), ("Me gusta", "Me gusta"), ("elemento guardado", "elementos guardados"), ("visualización", "visualizaciones"),
        ("respuesta", "respuestas", "Responder"), ("repost", "reposts", "Repostear"), ("Me gusta", "Me gusta", "Me gusta"), ("elemento guardado", "elementos guardados", "Guardar"),
        "Ver estadísticas del post", ("Seguidor", "Seguidores"), "Siguiendo", ("Visualización", "Visualizaciones"),
        new Numbers(Plain, XComCompactNumber.SpanishProfile, XComCompactNumber.ActionBar)));

    // x.com's German interface; „…“ are German quotation marks, part of the label.
    public static CountLabels German { get; } = new(new Words(
        ("Antwort", "Antworten"), ("Repost", "Reposts"), ("„Gefällt mir“-Angabe", "„Gefällt mir“-Angaben"), ("Lesezeichen", "Lesezeichen"), ("Mal angezeigt", "Mal angezeigt"),
        ("Antwort", "Antworten", "Antworten"), ("Repost", "Reposts", "Reposten"), ("„Gefällt mir“-Angabe", "„Gefällt mir“-Angaben", "Gefällt mir"), ("Lesezeichen", "Lesezeichen", "Lesezeichen"),
        "Beitragsanalysen anzeigen", ("Follower", "Follower"), "Folge ich", ("Mal angezeigt", "Mal angezeigt"),
        new Numbers(XComCompactNumber.GermanExact, XComCompactNumber.GermanProfile, XComCompactNumber.GermanProfile)));

    public string Group(XComEngagementCounts counts)
    {
        var parts = new List<string>(5);
        AddPart(parts, counts.Replies, _words.Replies);
        AddPart(parts, counts.Reposts, _words.Reposts);
        AddPart(parts, counts.Likes, _words.Likes);
        AddPart(parts, counts.Bookmarks, _words.Bookmarks);
        AddPart(parts, counts.Views, _words.Views);
        return string.Join(", ", parts);
    }

    public string ReplyButton(long count) => Button(count, _words.ReplyButton);

    public string RepostButton(long count) => Button(count, _words.RepostButton);

    public string LikeButton(long count) => Button(count, _words.LikeButton);

    /// <summary>Timelines say just "Bookmark"; the focal post shows its count once it has one.</summary>
    public string BookmarkButton(long count, bool focal) =>
        focal && count > 0 ? Button(count, _words.BookmarkButton) : _words.BookmarkButton.Action;

    public string AnalyticsLink(long views) =>
        views > 0 ? $"{Exact(views, _words.Views)}. {_words.Analytics}" : _words.Analytics;

    /// <summary>A profile's or the views line's number, in the language's compact form ("12.3K", "12,3 mil", "12.345").</summary>
    public string Compact(long value) => _words.Numbers.Compact(value);

    /// <summary>The number under an action bar button ("2.4K"; German "2.455").</summary>
    public string ActionBarCount(long value) => _words.Numbers.ActionBar(value);

    public string FollowersWord(long followers) => followers == 1 ? _words.Followers.Singular : _words.Followers.Plural;

    public string FollowingWord => _words.Following;

    public string ViewsWord(long views) => views == 1 ? _words.ViewsLine.Singular : _words.ViewsLine.Plural;

    public static string Count(long count, string singular, string plural) =>
        $"{Plain(count)} {(count == 1 ? singular : plural)}";

    private static string Plain(long count) => count.ToString(CultureInfo.InvariantCulture);

    private string Exact(long count, (string Singular, string Plural) noun) =>
        $"{_words.Numbers.Exact(count)} {(count == 1 ? noun.Singular : noun.Plural)}";

    private string Button(long count, (string Singular, string Plural, string Action) words) =>
        $"{Exact(count, (words.Singular, words.Plural))}. {words.Action}";

    private void AddPart(List<string> parts, long count, (string Singular, string Plural) noun)
    {
        if (count > 0)
        {
            parts.Add(Exact(count, noun));
        }
    }

    /// <param name="Exact">Counts in the accessible labels ("1234"; German "1.234").</param>
    /// <param name="Compact">Profile counts and the views line.</param>
    /// <param name="ActionBar">The numbers under the action bar's buttons.</param>
    private sealed record Numbers(Func<long, string> Exact, Func<long, string> Compact, Func<long, string> ActionBar);

    private sealed record Words(
        (string Singular, string Plural) Replies,
        (string Singular, string Plural) Reposts,
        (string Singular, string Plural) Likes,
        (string Singular, string Plural) Bookmarks,
        (string Singular, string Plural) Views,
        (string Singular, string Plural, string Action) ReplyButton,
        (string Singular, string Plural, string Action) RepostButton,
        (string Singular, string Plural, string Action) LikeButton,
        (string Singular, string Plural, string Action) BookmarkButton,
        string Analytics,
        (string Singular, string Plural) Followers,
        string Following,
        (string Singular, string Plural) ViewsLine,
        Numbers Numbers);
}
