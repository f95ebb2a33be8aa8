using System.Globalization;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.Web.Faults;
using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>
/// The X API v2 subset FollowerLoop's API client calls, under <c>/2</c>: users, post lookup, create, recent search,
/// post analytics, a post's likers, the mentions timeline and the followers list, behind <see cref="ApiAuthFilter"/>; the OAuth 2.0 token endpoint is open (client auth only).
/// </summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapXApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/2").AddEndpointFilter<ApiRateLimitFilter>();
        api.MapPost("/oauth2/token", OAuthEndpoints.TokenAsync);
        var authorized = api.MapGroup(string.Empty).AddEndpointFilter<ApiAuthFilter>();
        authorized.MapGet("/users/me", (HttpContext context, SandboxWorld world) => UserAnswer(context, world, world.Account.Handle, "id", string.Empty));
        authorized.MapGet("/users/by/username/{username}", (string username, HttpContext context, SandboxWorld world) =>
            UserAnswer(context, world, username, "username", $"Could not find user with username: [{username}]."));
        authorized.MapGet("/users/{id}", (string id, HttpContext context, SandboxWorld world) =>
            UserAnswer(context, world, HandleOfUserId(world, id) ?? string.Empty, "id", $"Could not find user with id: [{id}].", id));
        authorized.MapGet("/users/{id}/mentions", MentionsEndpoint.Read);
        authorized.MapGet("/users/{id}/followers", FollowersEndpoint.Read);
        authorized.MapGet("/tweets", Lookup);
        authorized.MapPost("/tweets", CreateTweetEndpoint.CreateAsync);
        authorized.MapGet("/tweets/search/recent", SearchRecent);
        authorized.MapGet("/tweets/analytics", PostAnalyticsEndpoint.Read);
        authorized.MapGet("/tweets/{id}/liking_users", LikingUsersEndpoint.Read);
        return app;
    }

    /// <summary>The handle of a user id the sandbox knows (the account or a seeded account).</summary>
    public static string? HandleOfUserId(SandboxWorld world, string id) =>
        new[] { world.Account.Handle }.Concat(SandboxWorld.OtherAccounts.Select(account => account.Handle))
            .FirstOrDefault(handle => WorldViews.RestIdOf(handle) == id);

    /// <summary><c>{"data":[…],"includes":{…},"errors":[…],"meta":{…}}</c>, leaving out what is empty, as X does.</summary>
    public static IResult Answer(JsonNode? data, JsonObject? includes, JsonArray errors, JsonObject? meta, int status = StatusCodes.Status200OK)
    {
        var root = new JsonObject();
        if (data is not null)
        {
            root["data"] = data;
        }

        if (includes is not null)
        {
            root["includes"] = includes;
        }

        if (errors.Count > 0)
        {
            root["errors"] = errors;
        }

        if (meta is not null)
        {
            root["meta"] = meta;
        }

        return Results.Json(root, statusCode: status);
    }

    /// <summary><c>max_results</c> within X's bounds, its default when absent; null (a 400) when out of bounds.</summary>
    public static int? MaxResults(HttpRequest request, int min, int max, int fallback)
    {
        var raw = request.Query["max_results"].ToString();
        if (raw.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;
    }

    /// <summary><c>meta</c> of a timeline page: <c>result_count</c>, and <c>newest_id</c>/<c>oldest_id</c> when there are results.</summary>
    public static JsonObject Meta(IReadOnlyList<TweetView> page)
    {
        var meta = new JsonObject();
        if (page.Count > 0)
        {
            meta["newest_id"] = page[0].Id;
            meta["oldest_id"] = page[^1].Id;
        }

        meta["result_count"] = page.Count;
        return meta;
    }

    private static IResult UserAnswer(HttpContext context, SandboxWorld world, string handle, string parameter, string notFound, string? askedValue = null)
    {
        var errors = new JsonArray();
        var user = WorldViews.FindUser(world, handle, world.Clock.GetUtcNow());
        if (user is null)
        {
            errors.Add(ApiProblems.NotFound("user", parameter, askedValue ?? handle, notFound));
            return Answer(null, null, errors, null);
        }

        return Answer(ApiShapes.User(user, ApiFields.From(context.Request), !context.IsMissing()), null, errors, null);
    }

    private static IResult Lookup(HttpContext context, SandboxWorld world)
    {
        var raw = context.Request.Query["ids"].ToString();
        var ids = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length is 0 or > 100 || ids.Any(id => !SnowflakeId.TryParse(id, out _)))
        {
            return ApiProblems.InvalidRequest("ids", raw, "The `ids` query parameter value must be 1 to 100 comma-separated post ids.");
        }

        var now = world.Clock.GetUtcNow();
        var fields = ApiFields.From(context.Request);
        var errors = new JsonArray();
        var found = new List<TweetView>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (WorldViews.FindTweet(world, id, now) is { } tweet)
            {
                found.Add(tweet);
            }
            else
            {
                errors.Add(ApiProblems.NotFound("tweet", "ids", id, $"Could not find tweet with ids: [{id}]."));
            }
        }

        var withMetrics = !context.IsMissing();
        var data = found.Count > 0 ? new JsonArray([.. found.Select(tweet => (JsonNode)ApiShapes.Tweet(world, tweet, now, fields, errors, withMetrics))]) : null;
        return Answer(data, ApiShapes.Includes(world, found, now, fields, errors, withMetrics), errors, null);
    }

    private static IResult SearchRecent(HttpContext context, SandboxWorld world)
    {
        var query = context.Request.Query["query"].ToString().Trim();
        if (query.Length == 0)
        {
            return ApiProblems.InvalidRequest("query", query, "The `query` query parameter can not be empty.");
        }

        if (MaxResults(context.Request, 10, 100, 10) is not { } limit)
        {
            return ApiProblems.InvalidRequest("max_results", context.Request.Query["max_results"].ToString(), "The `max_results` query parameter value must be between 10 and 100.");
        }

        var now = world.Clock.GetUtcNow();
        var page = world.SearchOwn(query, limit).Select(post => WorldViews.Own(world, post, now))
            .Concat(world.SearchRecent(query, limit).Select(post => WorldViews.Other(world, post, now)))
            .OrderByDescending(tweet => tweet.PostedAt)
            .Take(limit)
            .ToList();
        return TimelineAnswer(context, world, page, now, nextToken: null);
    }

    /// <summary>A page of posts with its includes and meta (<c>next_token</c> when there is more).</summary>
    public static IResult TimelineAnswer(HttpContext context, SandboxWorld world, IReadOnlyList<TweetView> page, DateTimeOffset now, string? nextToken)
    {
        var fields = ApiFields.From(context.Request);
        var errors = new JsonArray();
        var withMetrics = !context.IsMissing();
        var data = page.Count > 0 ? new JsonArray([.. page.Select(tweet => (JsonNode)ApiShapes.Tweet(world, tweet, now, fields, errors, withMetrics))]) : null;
        var meta = Meta(page);
        if (nextToken is not null)
        {
            meta["next_token"] = nextToken;
        }

        return Answer(data, ApiShapes.Includes(world, page, now, fields, errors, withMetrics), errors, meta);
    }
}
