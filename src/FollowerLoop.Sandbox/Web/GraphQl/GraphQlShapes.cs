using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.Text;
using FollowerLoop.Sandbox.Web.Followers;
using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.GraphQl;

/// <summary>
/// x.com's GraphQL objects (User and Tweet results) with the fields clients read: a post's exact counts in
/// <c>legacy.*_count</c> and <c>views.count</c>, a user's in <c>relationship_counts</c> (August 2026), ids in
/// <c>rest_id</c>. Shapes follow the saved responses in the fixtures.
/// </summary>
internal static class GraphQlShapes
{
    /// <param name="isProtected">The account's posts are for approved followers only (the <c>protected</c> fault).</param>
    public static JsonObject User(UserView user, bool isProtected = false)
    {
        var createdAt = TwitterDate(user.Joined);
        return new JsonObject
        {
            ["__typename"] = "User",
            ["id"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"User:{user.RestId}")),
            ["rest_id"] = user.RestId,
            ["affiliates_highlighted_label"] = new JsonObject(),
            ["has_graduated_access"] = true,
            ["is_blue_verified"] = false,
            ["profile_image_shape"] = "Circle",
            ["core"] = new JsonObject
            {
                ["created_at"] = createdAt,
                ["name"] = user.DisplayName,
                ["screen_name"] = user.Handle,
            },
            // x.com's schema since August 2026 (tests/fixtures/x-graphql): no legacy block on a user, the counts here.
            ["privacy"] = new JsonObject { ["protected"] = isProtected },
            ["location"] = new JsonObject { ["location"] = string.Empty },
            ["profile_bio"] = new JsonObject { ["description"] = user.Bio },
            ["relationship_counts"] = new JsonObject
            {
                ["followers"] = user.Followers,
                ["following"] = user.Following,
            },
            ["tweet_counts"] = new JsonObject { ["tweets"] = user.Statuses },
        };
    }

    /// <summary>A follower as x.com's followers list gives them: a User like any other, with its picture and verification.</summary>
    /// <param name="withoutProfile">The <c>missing</c> fault: no <c>core</c> (name, handle, join date), as if x.com's schema changed again.</param>
    public static JsonObject Follower(SandboxFollower follower, bool withoutProfile)
    {
        var facts = follower.Facts;
        var user = User(
            new UserView(follower.UserId, follower.Handle, follower.DisplayName, facts.Bio, facts.FollowersCount, facts.FollowingCount, facts.PostsCount, facts.CreatedAt, IsSandboxAccount: false),
            facts.Protected);
        user["avatar"] = new JsonObject { ["image_url"] = FollowerImages.UrlOf(follower) };
        user["verification"] = new JsonObject { ["verified"] = facts.Verified };
        if (withoutProfile)
        {
            user.Remove("core");
        }

        return user;
    }

    /// <param name="fresh">Just created: x.com then reports views as enabled without a count.</param>
    /// <param name="storedText"><c>full_text</c> as x.com stores it (t.co links, HTML-escaped; the <c>emoji</c> fault); otherwise the text as written.</param>
    public static JsonObject Tweet(TweetView tweet, UserView author, bool fresh, bool storedText = false)
    {
        var counts = tweet.Counts;
        var stored = storedText ? StoredText.Of(tweet.Text) : null;
        var indexed = stored?.Indexed ?? tweet.Text;
        var legacy = new JsonObject
        {
            ["bookmark_count"] = counts.Bookmarks,
            ["bookmarked"] = false,
            ["created_at"] = TwitterDate(tweet.PostedAt),
            ["conversation_id_str"] = tweet.InReplyToId ?? tweet.Id,
            ["display_text_range"] = new JsonArray(0, CodePoints(indexed)),
            ["entities"] = Entities(indexed, stored?.Urls ?? []),
            ["favorite_count"] = counts.Likes,
            ["favorited"] = false,
            ["full_text"] = stored?.FullText ?? tweet.Text,
            ["is_quote_status"] = false,
            ["lang"] = "en",
            ["possibly_sensitive"] = false,
            ["possibly_sensitive_editable"] = true,
            ["quote_count"] = 0,
            ["reply_count"] = counts.Replies,
            ["retweet_count"] = counts.Reposts,
            ["retweeted"] = false,
            ["user_id_str"] = author.RestId,
            ["id_str"] = tweet.Id,
        };
        if (tweet.InReplyToId is not null)
        {
            legacy["in_reply_to_status_id_str"] = tweet.InReplyToId;
            legacy["in_reply_to_screen_name"] = tweet.ReplyingTo;
        }

        return new JsonObject
        {
            ["__typename"] = "Tweet",
            ["rest_id"] = tweet.Id,
            ["core"] = new JsonObject { ["user_results"] = new JsonObject { ["result"] = User(author) } },
            ["unmention_data"] = new JsonObject(),
            ["edit_control"] = new JsonObject
            {
                ["edit_tweet_ids"] = new JsonArray(tweet.Id),
                ["editable_until_msecs"] = (tweet.PostedAt.ToUnixTimeMilliseconds() + 3_600_000).ToString(CultureInfo.InvariantCulture),
                ["is_edit_eligible"] = true,
                ["edits_remaining"] = "5",
            },
            ["is_translatable"] = false,
            ["views"] = fresh
                ? new JsonObject { ["state"] = "Enabled" }
                : new JsonObject { ["count"] = counts.Views.ToString(CultureInfo.InvariantCulture), ["state"] = "EnabledWithCount" },
            ["source"] = "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
            ["legacy"] = legacy,
            ["unmention_info"] = new JsonObject(),
        };
    }

    /// <summary><c>{"data":{"user":{"result":…}}}</c>, or <c>{"data":{"user":{}}}</c> (a deleted account) when there is no result.</summary>
    public static JsonObject UserData(JsonObject? result) => new()
    {
        ["data"] = new JsonObject { ["user"] = result is null ? new JsonObject() : new JsonObject { ["result"] = result } },
    };

    /// <summary>x.com's legacy date format, "Wed May 29 10:33:38 +0000 2024".</summary>
    public static string TwitterDate(DateTimeOffset at) =>
        at.UtcDateTime.ToString("ddd MMM dd HH:mm:ss '+0000' yyyy", CultureInfo.InvariantCulture);

    private static JsonObject Entities(string text, JsonArray urls)
    {
        var hashtags = new JsonArray();
        foreach (var match in TextPatterns.Hashtag().EnumerateMatches(text))
        {
            var start = CodePoints(text[..match.Index]);
            hashtags.Add(new JsonObject
            {
                ["indices"] = new JsonArray(start, start + CodePoints(text.Substring(match.Index, match.Length))),
                ["text"] = text.Substring(match.Index + 1, match.Length - 1),
            });
        }

        return new JsonObject
        {
            ["hashtags"] = hashtags,
            ["symbols"] = new JsonArray(),
            ["timestamps"] = new JsonArray(),
            ["urls"] = urls,
            ["user_mentions"] = new JsonArray(),
        };
    }

    // x.com counts indices in code points, not UTF-16 units.
    public static int CodePoints(string text) => text.EnumerateRunes().Count();
}
