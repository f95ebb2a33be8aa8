using FollowerLoop.Sandbox.Web.Followers;
using FollowerLoop.Sandbox.Web.GraphQl;
using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>
/// /{handle}/followers: the account's followers, newest first, one <c>[data-testid="UserCell"]</c> each. Like x.com, main.js
/// takes the user's id from UserByScreenName, loads the list through the Followers call, and again with its Bottom cursor as
/// the list is scrolled, appending the cells of <see cref="FollowerCellsEndpoint"/>. The page renders the first page itself.
/// </summary>
internal static class FollowersPage
{
    public static string Render(SandboxWorld world, UserView user)
    {
        var handle = HtmlText.Encode(user.Handle);
        var (first, _) = FollowersTimelineEndpoint.Read(world, user.Handle, after: null, count: null);
        var empty = EmptyStateMarkup.InTimeline("Looking for followers?", "When someone follows this account, they’ll show up here. Posting and interacting with others helps boost followers.");
        var list = first.Count > 0 ? Timeline.Render($"Followers of {user.DisplayName}", "Followers", first.Select(UserCellMarkup.Render), string.Empty) : empty;
        var body = $$"""
            <div class="page-header"><div aria-label="Back" role="button" tabindex="0" data-testid="app-bar-back">←</div>
            <h2 dir="ltr" aria-level="2" role="heading"><span>{{HtmlText.Encode(user.DisplayName)}}</span></h2><div dir="ltr">@{{handle}}</div></div>
            <nav aria-label="Followers lists" role="navigation"><div role="tablist"><a href="/{{handle}}/verified_followers" role="tab" aria-selected="false" tabindex="-1"><span>Verified Followers</span></a><a href="/{{handle}}/followers" role="tab" aria-selected="true"><span>Followers</span></a><a href="/{{handle}}/following" role="tab" aria-selected="false" tabindex="-1"><span>Following</span></a></div></nav>
            {{list}}
            """;
        var viewer = world.Account.Handle;
        return PageLayout.Render($"People following {user.DisplayName} (@{user.Handle})", body, new PageConfig("followers", viewer, user.Handle, UserId: user.RestId), viewer);
    }
}
