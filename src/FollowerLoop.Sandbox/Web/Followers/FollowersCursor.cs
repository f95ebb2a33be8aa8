namespace FollowerLoop.Sandbox.Web.Followers;

/// <summary>
/// The Followers timeline's cursors, written as x.com writes them for lists of users: <c>{a}|{b}</c>. Bottom is the
/// position of the page's last follower; at the end of the list it starts with <c>0|</c> (nothing is followed before
/// tick 0, so it asks for an empty page). Top starts with <c>-1|</c> and asks for the newest page again.
/// </summary>
internal static class FollowersCursor
{
    private const char Separator = '|';
    private const string TopPrefix = "-1|";

    public static string Bottom(FollowerPosition last) => last.Format(Separator);

    public static string End(FollowerPosition last) => $"0{Separator}{last.Ticks}";

    public static string Top(FollowerPosition first) => $"{TopPrefix}{first.Ticks}";

    /// <summary>Reads a cursor the timeline issued: a position, or null for the newest page (a Top cursor).</summary>
    public static bool TryRead(string value, out FollowerPosition? after)
    {
        after = null;
        if (value.StartsWith(TopPrefix, StringComparison.Ordinal))
        {
            return true;
        }

        if (!FollowerPosition.TryParse(value, Separator, out var position))
        {
            return false;
        }

        after = position;
        return true;
    }
}
