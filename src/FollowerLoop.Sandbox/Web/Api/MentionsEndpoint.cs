using System.Globalization;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>
/// <c>GET /2/users/:id/mentions</c>: the account's summoning posts, newest first, <c>max_results</c> 5–100 (default 10),
/// after <c>since_id</c> and before <c>until_id</c> when given, paged with <c>pagination_token</c> (the <c>next_token</c>
/// of the page before). Seeded accounts have no mentions; an unknown id is a not-found error.
/// </summary>
internal static class MentionsEndpoint
{
    private const string TokenPrefix = "m";

    public static IResult Read(string id, HttpContext context, SandboxWorld world)
    {
        var request = context.Request;
        if (ApiEndpoints.HandleOfUserId(world, id) is not { } handle)
        {
            return ApiEndpoints.Answer(null, null, new JsonArray(ApiProblems.NotFound("user", "id", id, $"Could not find user with id: [{id}].")), null);
        }

        if (ApiEndpoints.MaxResults(request, 5, 100, 10) is not { } limit)
        {
            return ApiProblems.InvalidRequest("max_results", request.Query["max_results"].ToString(), "The `max_results` query parameter value must be between 5 and 100.");
        }

        if (!TryId(request, "since_id", out var sinceId) || !TryId(request, "until_id", out var untilId) || !TryPageToken(request, out var before))
        {
            return ApiProblems.InvalidRequest("since_id", request.QueryString.Value ?? string.Empty, "since_id, until_id and pagination_token must be ids or a next_token of this endpoint.");
        }

        var now = world.Clock.GetUtcNow();
        var upperBound = Math.Min(untilId ?? long.MaxValue, before ?? long.MaxValue);
        var matching = string.Equals(handle, world.Account.Handle, StringComparison.OrdinalIgnoreCase)
            ? world.GetSummons(now).Where(post => IdOf(post) > (sinceId ?? 0) && IdOf(post) < upperBound).ToList()
            : [];
        var page = matching.Take(limit).Select(post => WorldViews.Summons(world, post, now)).ToList();
        var nextToken = matching.Count > limit ? TokenPrefix + page[^1].Id : null;
        return ApiEndpoints.TimelineAnswer(context, world, page, now, nextToken);
    }

    private static long IdOf(SummoningPost post) => long.Parse(post.Id, CultureInfo.InvariantCulture);

    private static bool TryId(HttpRequest request, string name, out long? id)
    {
        id = null;
        var raw = request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return true;
        }

        if (!SnowflakeId.TryParse(raw, out var value))
        {
            return false;
        }

        id = value;
        return true;
    }

    // next_token is opaque to clients; here it is the oldest id of the page before, so the next page starts below it.
    private static bool TryPageToken(HttpRequest request, out long? before)
    {
        before = null;
        var raw = request.Query["pagination_token"].ToString();
        if (raw.Length == 0)
        {
            return true;
        }

        if (!raw.StartsWith(TokenPrefix, StringComparison.Ordinal) || !SnowflakeId.TryParse(raw[TokenPrefix.Length..], out var value))
        {
            return false;
        }

        before = value;
        return true;
    }
}
