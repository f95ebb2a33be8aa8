using System.Globalization;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.Web.Followers;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>
/// <c>GET /2/users/:id/followers</c>: the account's followers, newest first, <c>max_results</c> 1–1000 (default 100), paged
/// with <c>pagination_token</c> (the <c>next_token</c> of the page before). <c>user.fields</c> adds <c>created_at</c>,
/// <c>description</c>, <c>profile_image_url</c>, <c>protected</c>, <c>public_metrics</c> and <c>verified</c>. The seeded
/// accounts' followers are not modelled (an empty list); an unknown id is a not-found error.
/// </summary>
internal static class FollowersEndpoint
{
    private const string TokenPrefix = "f";
    private const char TokenSeparator = 'x';

    public static IResult Read(string id, HttpContext context, SandboxWorld world)
    {
        var request = context.Request;
        if (ApiEndpoints.HandleOfUserId(world, id) is not { } handle)
        {
            return ApiEndpoints.Answer(null, null, new JsonArray(ApiProblems.NotFound("user", "id", id, $"Could not find user with id: [{id}].")), null);
        }

        if (ApiEndpoints.MaxResults(request, 1, 1000, 100) is not { } limit)
        {
            return ApiProblems.InvalidRequest("max_results", request.Query["max_results"].ToString(), "The `max_results` query parameter value must be between 1 and 1000.");
        }

        var token = request.Query["pagination_token"].ToString();
        if (!TryReadToken(token, out var after))
        {
            return ApiProblems.InvalidRequest("pagination_token", token, "The `pagination_token` query parameter value is not a next_token of this endpoint.");
        }

        var (page, hasMore) = FollowerList.Read(FollowerList.Of(world, handle), after, limit);
        var fields = ApiFields.From(request).User;
        var data = page.Count > 0 ? new JsonArray([.. page.Select(follower => (JsonNode)User(follower, fields))]) : null;
        var meta = new JsonObject { ["result_count"] = page.Count };
        if (hasMore)
        {
            meta["next_token"] = TokenPrefix + FollowerPosition.Of(page[^1]).Format(TokenSeparator);
        }

        return ApiEndpoints.Answer(data, null, [], meta);
    }

    private static JsonObject User(SandboxFollower follower, IReadOnlySet<string> fields)
    {
        var facts = follower.Facts;
        var json = new JsonObject { ["id"] = follower.UserId, ["name"] = follower.DisplayName, ["username"] = follower.Handle };
        if (fields.Contains("created_at"))
        {
            json["created_at"] = facts.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        if (fields.Contains("description"))
        {
            json["description"] = facts.Bio;
        }

        if (fields.Contains("profile_image_url"))
        {
            json["profile_image_url"] = FollowerImages.UrlOf(follower);
        }

        if (fields.Contains("protected"))
        {
            json["protected"] = facts.Protected;
        }

        if (fields.Contains("verified"))
        {
            json["verified"] = facts.Verified;
        }

        if (fields.Contains("public_metrics"))
        {
            json["public_metrics"] = new JsonObject
            {
                ["followers_count"] = facts.FollowersCount,
                ["following_count"] = facts.FollowingCount,
                ["tweet_count"] = facts.PostsCount,
                ["listed_count"] = 0,
            };
        }

        return json;
    }

    // The token is the position of the page's last follower (FollowerPosition), so arrivals do not shift the next page.
    private static bool TryReadToken(string raw, out FollowerPosition? after)
    {
        after = null;
        if (raw.Length == 0)
        {
            return true;
        }

        if (!raw.StartsWith(TokenPrefix, StringComparison.Ordinal) || !FollowerPosition.TryParse(raw[TokenPrefix.Length..], TokenSeparator, out var position))
        {
            return false;
        }

        after = position;
        return true;
    }
}
