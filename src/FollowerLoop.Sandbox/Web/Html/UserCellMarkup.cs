using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>
/// A user in a list of users (the followers page), as x.com draws it: <c>[data-testid="UserCell"]</c> with the name and
/// @handle links to the profile, "Follows you" on the account's own followers, and the bio when there is one.
/// </summary>
internal static class UserCellMarkup
{
    public static string Render(SandboxFollower follower)
    {
        var handle = HtmlText.Encode(follower.Handle);
        var name = HtmlText.Encode(follower.DisplayName);
        var bio = follower.Facts.Bio.Length > 0 ? $"""<div dir="auto"><span>{HtmlText.Encode(follower.Facts.Bio)}</span></div>""" : string.Empty;
        return $$"""
            <div data-testid="cellInnerDiv"><div class="cell"><button role="button" type="button" data-testid="UserCell" data-sandbox-user-id="{{follower.UserId}}" class="user-cell"><div class="tweet-row"><div data-testid="UserAvatar-Container-{{handle}}"><div class="avatar">{{HtmlText.Encode(follower.DisplayName[..1])}}</div></div><div class="tweet-body">
            <div class="user-name"><a href="/{{handle}}" role="link"><div dir="ltr"><span><span>{{name}}</span></span></div></a><div><a href="/{{handle}}" role="link" tabindex="-1"><div dir="ltr"><span>@{{handle}}</span></div></a><div data-testid="userFollowIndicator"><span>Follows you</span></div></div></div>
            {{bio}}</div></div></button></div></div>
            """;
    }
}
