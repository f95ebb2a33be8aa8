using System.Globalization;
using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.Web.Profiles;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>
/// /{handle}: <c>[data-testid="UserName"]</c>, then following (<c>a[href="/{handle}/following"]</c>) and followers
/// (<c>a[href="/{handle}/verified_followers"]</c>) with x.com's display numbers ("1,017 Following", "12.3K Followers",
/// "1 Follower"); the exact count is only in the UserByScreenName response main.js fetches. The Posts tab shows its
/// first page; main.js loads the next ones through UserTweets and <see cref="ProfileCellsEndpoint"/> as it is scrolled.
/// </summary>
internal static class ProfilePage
{
    /// <param name="postsProtected">The <c>protected</c> fault: the header as usual, the posts replaced by x.com's protected state.</param>
    public static string Render(SandboxWorld world, UserView user, DateTimeOffset now, PageStyle style, bool postsProtected)
    {
        var handle = HtmlText.Encode(user.Handle);
        var name = HtmlText.Encode(user.DisplayName);
        var action = user.IsSandboxAccount
            ? """<a href="/settings/profile" role="link" data-testid="editProfileButton" class="primary-button"><div dir="ltr"><span><span>Edit profile</span></span></div></a>"""
            : $"""<button aria-label="Follow @{handle}" role="button" data-testid="{user.RestId}-follow" type="button" class="primary-button"><div dir="ltr"><span><span>Follow</span></span></div></button>""";
        var counts = style.Labels is { } labels
            ? $$"""
                <div class="profile-counts"><div><a href="/{{handle}}/following" dir="ltr" role="link"><span><span>{{labels.Compact(user.Following)}}</span></span> <span><span>{{labels.FollowingWord}}</span></span></a></div>
                <div><a href="/{{handle}}/verified_followers" dir="ltr" role="link"><span><span>{{labels.Compact(user.Followers)}}</span></span> <span><span>{{labels.FollowersWord(user.Followers)}}</span></span></a></div></div>
                """
            : string.Empty;
        var body = $$"""
            <div class="page-header"><div aria-label="Back" role="button" tabindex="0" data-testid="app-bar-back">←</div>
            <h2 dir="ltr" aria-level="2" role="heading"><span>{{name}}</span></h2><div dir="ltr">{{XComCompactNumber.Profile(user.Statuses)}} {{(user.Statuses == 1 ? "post" : "posts")}}</div></div>
            <div class="profile-header"><div data-testid="UserAvatar-Container-{{handle}}"><a href="/{{handle}}/photo" role="link"><div class="avatar large" aria-label="Opens profile photo">{{HtmlText.Encode(user.DisplayName[..1])}}</div></a></div>
            {{action}}
            <div data-testid="UserName"><div dir="ltr"><span><span>{{name}}</span></span></div><div tabindex="-1"><div dir="ltr"><span>@{{handle}}</span></div></div></div>
            <div dir="auto" data-testid="UserDescription"><span>{{HtmlText.Encode(user.Bio)}}</span></div>
            <div dir="ltr" data-testid="UserProfileHeader_Items"><span dir="ltr" role="presentation" data-testid="UserJoinDate"><span>Joined {{user.Joined.UtcDateTime.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}}</span></span></div>
            {{counts}}</div>
            <nav aria-label="Profile timelines" role="navigation"><div role="tablist"><a href="/{{handle}}" role="tab" aria-selected="true"><span>Posts</span></a><a href="/{{handle}}/with_replies" role="tab" aria-selected="false" tabindex="-1"><span>Replies</span></a></div></nav>
            {{(postsProtected ? ProtectedPosts(user.Handle) : Timeline.Render($"{user.DisplayName}’s posts", $"{user.DisplayName}’s posts", FirstPage(world, user, now, style), $"@{user.Handle} hasn’t posted"))}}
            """;
        var viewer = world.Account.Handle;
        return PageLayout.Render($"{user.DisplayName} (@{user.Handle})", body, new PageConfig("profile", viewer, user.Handle, UserId: user.RestId), viewer);
    }

    public static string ProtectedPosts(string handle) =>
        EmptyStateMarkup.InTimeline("These posts are protected", $"Only approved followers can see @{handle}’s posts. To request access, click Follow.");

    // The first page, so the page reads without script; main.js appends the next ones as it is scrolled.
    private static IEnumerable<string> FirstPage(SandboxWorld world, UserView user, DateTimeOffset now, PageStyle style) =>
        ProfilePosts.Cells(ProfilePosts.Read(world, user, now, cursor: null, ProfilePosts.PageSize), now, style);
}
