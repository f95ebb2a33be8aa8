using System.Globalization;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>
/// <c>GET /2/tweets/:id/liking_users</c>: who liked one of the account's posts, at most 100 for all time as X lists them
/// (<see cref="SandboxWorld.GetListedLikingUsers"/>), <c>max_results</c> 1–100 (default 100), paged with
/// <c>pagination_token</c>. Likes are private on X since 2024: only a post's author sees its likers, so another account's
/// post answers an empty list; an unknown id is a not-found error.
/// </summary>
internal static class LikingUsersEndpoint
{
    private const string TokenPrefix = "l";

    public static IResult Read(string id, HttpContext context, SandboxWorld world)
    {
        var request = context.Request;
        if (ApiEndpoints.MaxResults(request, 1, 100, 100) is not { } limit)
        {
            return ApiProblems.InvalidRequest("max_results", request.Query["max_results"].ToString(), "The `max_results` query parameter value must be between 1 and 100.");
        }

        var token = request.Query["pagination_token"].ToString();
        long? after = null;
        if (token.Length > 0)
        {
            if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || !SnowflakeId.TryParse(token[TokenPrefix.Length..], out var last))
            {
                return ApiProblems.InvalidRequest("pagination_token", token, "The `pagination_token` query parameter value is not a next_token of this endpoint.");
            }

            after = last;
        }

        IReadOnlyList<PostLiker> likers;
        if (world.FindPost(id) is { } post)
        {
            likers = world.GetListedLikingUsers(post.Id);
        }
        else if (world.FindOtherPost(id) is not null)
        {
            likers = [];
        }
        else
        {
            return ApiEndpoints.Answer(null, null, new JsonArray(ApiProblems.NotFound("tweet", "id", id, $"Could not find tweet with id: [{id}].")), null);
        }

        // Highest id first, so the page after a token is the ids below it: likes that come in meanwhile do not shift it.
        var rest = after is { } before ? likers.Where(liker => IdOf(liker) < before).ToList() : likers;
        var page = rest.Take(limit).ToList();
        var meta = new JsonObject { ["result_count"] = page.Count };
        if (rest.Count > page.Count)
        {
            meta["next_token"] = TokenPrefix + page[^1].UserId;
        }

        var data = page.Count > 0
            ? new JsonArray([.. page.Select(liker => (JsonNode)new JsonObject { ["id"] = liker.UserId, ["name"] = liker.DisplayName, ["username"] = liker.Handle })])
            : null;
        return ApiEndpoints.Answer(data, null, [], meta);
    }

    private static long IdOf(PostLiker liker) => long.Parse(liker.UserId, CultureInfo.InvariantCulture);
}
