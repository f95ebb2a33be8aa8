using System.Globalization;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>
/// X API v2 objects built from what the pages show: users (<c>id</c>, <c>name</c>, <c>username</c>, optional
/// <c>public_metrics</c>), posts with the requested <c>tweet.fields</c>, and <c>includes</c> for the expansions.
/// </summary>
internal static class ApiShapes
{
    /// <summary>X gives non-public metrics only for the owner's posts under 30 days.</summary>
    private static readonly TimeSpan NonPublicMetricsAge = TimeSpan.FromDays(30);

    public static JsonObject User(UserView user, ApiFields fields, bool withMetrics)
    {
        var json = new JsonObject { ["id"] = user.RestId, ["name"] = user.DisplayName, ["username"] = user.Handle };
        if (fields.User.Contains("created_at"))
        {
            json["created_at"] = Iso(user.Joined);
        }

        if (fields.User.Contains("description"))
        {
            json["description"] = user.Bio;
        }

        if (fields.User.Contains("public_metrics") && withMetrics)
        {
            json["public_metrics"] = new JsonObject
            {
                ["followers_count"] = user.Followers,
                ["following_count"] = user.Following,
                ["tweet_count"] = user.Statuses,
            };
        }

        return json;
    }

    /// <summary>A post with the requested fields; a field the token may not read adds an entry to <paramref name="errors"/>.</summary>
    public static JsonObject Tweet(SandboxWorld world, TweetView tweet, DateTimeOffset now, ApiFields fields, JsonArray errors, bool withMetrics)
    {
        var json = new JsonObject
        {
            ["id"] = tweet.Id,
            ["text"] = ApiText(tweet),
            ["edit_history_tweet_ids"] = new JsonArray(tweet.Id),
        };
        if (fields.Tweet.Contains("author_id") || fields.Expansions.Contains("author_id"))
        {
            json["author_id"] = WorldViews.RestIdOf(tweet.Handle);
        }

        if (fields.Tweet.Contains("created_at"))
        {
            json["created_at"] = Iso(tweet.PostedAt);
        }

        if (fields.Tweet.Contains("conversation_id"))
        {
            json["conversation_id"] = ConversationRoot(world, tweet, now);
        }

        if (fields.Tweet.Contains("in_reply_to_user_id") && tweet.ReplyingTo is { } parentHandle)
        {
            json["in_reply_to_user_id"] = WorldViews.RestIdOf(parentHandle);
        }

        if ((fields.Tweet.Contains("referenced_tweets") || fields.Expansions.Contains("referenced_tweets.id")) && References(tweet) is { Count: > 0 } references)
        {
            json["referenced_tweets"] = new JsonArray([.. references.Select(reference => (JsonNode)new JsonObject { ["type"] = reference.Type, ["id"] = reference.Id })]);
        }

        if (withMetrics)
        {
            AddMetrics(world, tweet, now, fields, json, errors);
        }

        return json;
    }

    /// <summary>
    /// <c>includes.users</c> (expansion <c>author_id</c>) and <c>includes.tweets</c> (expansion <c>referenced_tweets.id</c>)
    /// for <paramref name="tweets"/>; null when nothing was asked or found.
    /// </summary>
    public static JsonObject? Includes(SandboxWorld world, IReadOnlyList<TweetView> tweets, DateTimeOffset now, ApiFields fields, JsonArray errors, bool withMetrics)
    {
        var includes = new JsonObject();
        if (fields.Expansions.Contains("author_id") && tweets.Count > 0)
        {
            var users = tweets.DistinctBy(tweet => tweet.Handle, StringComparer.OrdinalIgnoreCase)
                .Select(tweet => WorldViews.FindUser(world, tweet.Handle, now) is { } known
                    ? User(known, fields, withMetrics)
                    : new JsonObject { ["id"] = WorldViews.RestIdOf(tweet.Handle), ["name"] = tweet.DisplayName, ["username"] = tweet.Handle });
            includes["users"] = new JsonArray([.. users]);
        }

        if (fields.Expansions.Contains("referenced_tweets.id"))
        {
            var referenced = tweets.SelectMany(References)
                .Select(reference => reference.Id)
                .Distinct(StringComparer.Ordinal)
                .Select(id => WorldViews.FindTweet(world, id, now))
                .OfType<TweetView>()
                .Select(tweet => (JsonNode)Tweet(world, tweet, now, fields, errors, withMetrics))
                .ToArray();
            if (referenced.Length > 0)
            {
                includes["tweets"] = new JsonArray(referenced);
            }
        }

        return includes.Count > 0 ? includes : null;
    }

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // The API text of a reply to another account starts with the @handle x.com hides behind "Replying to".
    private static string ApiText(TweetView tweet) =>
        tweet.ReplyingTo is { } parent && !string.Equals(parent, tweet.Handle, StringComparison.OrdinalIgnoreCase)
            && !tweet.Text.StartsWith($"@{parent}", StringComparison.OrdinalIgnoreCase)
            ? $"@{parent} {tweet.Text}"
            : tweet.Text;

    private static List<(string Type, string Id)> References(TweetView tweet)
    {
        var references = new List<(string Type, string Id)>();
        if (tweet.InReplyToId is { } parent)
        {
            references.Add(("replied_to", parent));
        }

        if (tweet.Quoted is { } quoted)
        {
            references.Add(("quoted", quoted.Id));
        }

        return references;
    }

    /// <summary>The id of the post that started the thread: follow the parents while the sandbox knows them.</summary>
    private static string ConversationRoot(SandboxWorld world, TweetView tweet, DateTimeOffset now)
    {
        var current = tweet;
        for (var depth = 0; depth < 100 && current.InReplyToId is { } parentId && WorldViews.FindTweet(world, parentId, now) is { } parent; depth++)
        {
            current = parent;
        }

        return current.InReplyToId ?? current.Id;
    }

    private static void AddMetrics(SandboxWorld world, TweetView tweet, DateTimeOffset now, ApiFields fields, JsonObject json, JsonArray errors)
    {
        var counts = tweet.Counts;
        var own = world.FindPost(tweet.Id);
        if (fields.Tweet.Contains("public_metrics"))
        {
            json["public_metrics"] = new JsonObject
            {
                ["retweet_count"] = counts.Reposts,
                ["reply_count"] = counts.Replies,
                ["like_count"] = counts.Likes,
                ["quote_count"] = own is null ? 0 : world.GetQuoteCount(own, now),
                ["bookmark_count"] = counts.Bookmarks,
                ["impression_count"] = counts.Views,
            };
        }

        var ownerMayRead = own is not null && now - own.PostedAt < NonPublicMetricsAge;
        foreach (var field in new[] { "non_public_metrics", "organic_metrics" }.Where(fields.Tweet.Contains))
        {
            if (!ownerMayRead)
            {
                errors.Add(ApiProblems.FieldNotAuthorized(tweet.Id, field));
            }
            else
            {
                var age = now - own!.PostedAt;
                var owners = new JsonObject
                {
                    ["impression_count"] = counts.Views,
                    ["url_link_clicks"] = world.Audience.LinkClicksAt(own.Outcome, age),
                    ["user_profile_clicks"] = world.Audience.ProfileClicksAt(own.Outcome, age),
                };
                if (field == "organic_metrics")
                {
                    owners["like_count"] = counts.Likes;
                    owners["reply_count"] = counts.Replies;
                    owners["retweet_count"] = counts.Reposts;
                }

                json[field] = owners;
            }
        }
    }
}
