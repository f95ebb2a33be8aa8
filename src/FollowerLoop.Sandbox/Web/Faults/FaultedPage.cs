using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Web.Faults;

/// <summary>Which page a faulted request was for, read from the route the request matched (routing runs before the fault middleware).</summary>
internal static class FaultedPage
{
    private const string StatusRoute = "/{handle}/status/{id}";
    private const string ProfileRoute = "/{handle}";
    private const string FollowersRoute = "/{handle}/followers";

    /// <summary>The config the page would have had: a profile or its followers still load UserByScreenName, a post TweetDetail; any other page none.</summary>
    public static PageConfig ConfigOf(HttpContext context, string? viewer)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var screenName = context.GetRouteValue("handle") as string;
        return route switch
        {
            StatusRoute => new PageConfig("status", viewer, screenName, context.GetRouteValue("id") as string),
            ProfileRoute => new PageConfig("profile", viewer, screenName),
            FollowersRoute => new PageConfig("followers", viewer, screenName),
            _ => new PageConfig("error", viewer),
        };
    }
}
