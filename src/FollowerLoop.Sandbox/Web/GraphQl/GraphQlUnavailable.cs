using System.Text.Json.Nodes;

namespace FollowerLoop.Sandbox.Web.GraphQl;

/// <summary>What x.com's GraphQL puts where a user or post it will not show would be (answered with status 200).</summary>
internal static class GraphQlUnavailable
{
    /// <summary><c>{"__typename":"TweetUnavailable","reason":"Protected"}</c> (or "Suspended").</summary>
    public static JsonObject Tweet(string reason) => new() { ["__typename"] = "TweetUnavailable", ["reason"] = reason };

    public static JsonObject SuspendedUser() => new()
    {
        ["__typename"] = "UserUnavailable",
        ["reason"] = "Suspended",
        ["message"] = "User is suspended",
    };
}
