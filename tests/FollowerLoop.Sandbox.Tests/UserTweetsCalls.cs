using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>What a client of a profile's Posts tab does: find the user's rest_id, call UserTweets, follow its cursors.</summary>
internal static class UserTweetsCalls
{
    /// <summary>The rest_id UserByScreenName gives, as x.com's client takes it before calling UserTweets.</summary>
    public static async Task<string> RestIdAsync(SandboxHost sandbox, string handle)
    {
        using var response = await sandbox.GraphQlAsync("UserByScreenName", new JsonObject { ["screen_name"] = handle }.ToJsonString());
        return (await SandboxHost.ReadJsonAsync(response))["data"]!["user"]!["result"]!["rest_id"]!.GetValue<string>();
    }

    public static async Task<(HttpStatusCode Status, JsonNode Json, HttpResponseMessage Response)> GetAsync(
        SandboxHost sandbox, string userId, int? count = null, string? cursor = null, string? fault = null)
    {
        var variables = new JsonObject { ["userId"] = userId, ["includePromotedContent"] = true, ["withVoice"] = true };
        if (count is not null)
        {
            variables["count"] = count;
        }

        if (cursor is not null)
        {
            variables["cursor"] = cursor;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/i/api/graphql/E3opETHurmVJflFsUBVuUQ/UserTweets?variables={Uri.EscapeDataString(variables.ToJsonString())}");
        if (fault is not null)
        {
            request.Headers.Add("X-Sandbox-Fault", fault);
        }

        var response = await sandbox.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await SandboxHost.ReadJsonAsync(response), response);
    }

    public static JsonArray Entries(JsonNode json) =>
        json["data"]!["user"]!["result"]!["timeline"]!["timeline"]!["instructions"]!.AsArray()
            .Single(instruction => instruction!["type"]!.GetValue<string>() == "TimelineAddEntries")!["entries"]!.AsArray();

    /// <summary>The post ids of the answer's tweet entries (<c>tweet-{id}</c>), in order.</summary>
    public static List<string> TweetIds(JsonNode json) =>
        [.. Entries(json).Select(entry => entry!["entryId"]!.GetValue<string>()).Where(id => id.StartsWith("tweet-", StringComparison.Ordinal)).Select(id => id["tweet-".Length..])];

    public static string Cursor(JsonNode json, string cursorType) =>
        Entries(json).Single(entry => entry!["content"]!["cursorType"]?.GetValue<string>() == cursorType)!["content"]!["value"]!.GetValue<string>();

    /// <summary>Publishes <paramref name="count"/> posts, ten minutes apart unless told otherwise; returns them oldest first.</summary>
    public static List<SandboxPost> Publish(SandboxHost sandbox, int count, string topic = "shipping small tools", TimeSpan? apart = null)
    {
        var posts = new List<SandboxPost>();
        for (var i = 1; i <= count; i++)
        {
            sandbox.Clock.Advance(apart ?? TimeSpan.FromMinutes(10));
            posts.Add(sandbox.World.Publish(string.Create(CultureInfo.InvariantCulture, $"Note {i} on {topic}")));
        }

        return posts;
    }

    /// <summary>The ids the profile's Posts tab holds, newest first: the account's own posts that are not replies.</summary>
    public static List<string> NewestFirst(IEnumerable<SandboxPost> posts) =>
        [.. posts.Where(post => post.InReplyToId is null).OrderByDescending(post => post.PostedAt).ThenByDescending(post => post.Sequence).Select(post => post.Id)];
}
