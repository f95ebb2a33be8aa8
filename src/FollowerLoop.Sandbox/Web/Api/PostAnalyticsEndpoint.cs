using System.Globalization;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>
/// <c>GET /2/tweets/analytics?ids=…&amp;start_time=…&amp;end_time=…&amp;granularity=total&amp;analytics.fields=…</c>: the
/// account's own posts' follows and unfollows (and profile clicks, impressions) in the range, as X's Enterprise access
/// gives them: <c>{"data":[{"id","timestamped_metrics":[{"timestamp","metrics":{…}}]}]}</c>. Without
/// <see cref="SandboxOptions.PostAnalytics"/> it refuses with 403, as X does for the self-serve access levels.
/// </summary>
internal static class PostAnalyticsEndpoint
{
    public static IResult Read(HttpContext context, SandboxWorld world, SandboxOptions options)
    {
        if (!options.PostAnalytics)
        {
            return ApiProblems.ClientForbidden("client-not-enrolled");
        }

        var query = context.Request.Query;
        var raw = query["ids"].ToString();
        var ids = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length is 0 or > 100 || ids.Any(id => !SnowflakeId.TryParse(id, out _)))
        {
            return ApiProblems.InvalidRequest("ids", raw, "The `ids` query parameter value must be 1 to 100 comma-separated post ids.");
        }

        if (Time(query["start_time"]) is not { } start || Time(query["end_time"]) is not { } end || end <= start)
        {
            return ApiProblems.InvalidRequest("start_time", query["start_time"].ToString(), "`start_time` and `end_time` are required, as YYYY-MM-DDTHH:mm:ssZ, and `end_time` must be after `start_time`.");
        }

        if (query["granularity"].ToString() is not ("" or "total"))
        {
            return ApiProblems.InvalidRequest("granularity", query["granularity"].ToString(), "The sandbox serves `granularity=total` only.");
        }

        var asked = query["analytics.fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Intersect(PostAnalytics.Fields, StringComparer.Ordinal).ToList();
        var data = new JsonArray();
        var errors = new JsonArray();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (world.FindPost(id) is not { } post)
            {
                errors.Add(ApiProblems.NotFound("tweet", "ids", id, $"Could not find tweet with ids: [{id}]."));
                continue;
            }

            var metrics = new JsonObject();
            foreach (var field in asked)
            {
                metrics[field] = PostAnalytics.Between(world, post, field, start, end);
            }

            data.Add(new JsonObject
            {
                ["id"] = id,
                ["timestamped_metrics"] = new JsonArray(new JsonObject { ["timestamp"] = start.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), ["metrics"] = metrics }),
            });
        }

        return ApiEndpoints.Answer(data.Count > 0 ? data : null, null, errors, null);
    }

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}
