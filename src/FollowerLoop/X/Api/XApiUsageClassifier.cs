using System.Text.Json.Nodes;
using FollowerLoop.X.Usage;

namespace FollowerLoop.X.Api;

/// <summary>What X bills for an answered request: its price category and how many resources it returned or created.</summary>
internal static class XApiUsageClassifier
{
    public static (XApiPriceCategory Category, int Resources) Classify(XApiRequest call, JsonObject? answer)
    {
        var category = call.Endpoint switch
        {
            "POST /2/tweets" => call.Body?["text"]?.GetValue<string>() is { } text && TweetLength.HasUrl(text)
                ? XApiPriceCategory.PostCreateWithUrl
                : XApiPriceCategory.PostCreate,
            "GET /2/tweets" => call.ReadsOwnData ? XApiPriceCategory.OwnDataRead : XApiPriceCategory.PostRead,
            // Posts that summon the account are other people's posts: read at the post price.
            "GET /2/tweets/search/recent" or "GET /2/users/:id/mentions" => XApiPriceCategory.PostRead,
            // XApiClient addresses the account's own profile by id (or as "me") and every other account by username.
            // Who liked one of the account's posts is its own data too: only a post's author sees them.
            "GET /2/users/me" or "GET /2/users/:id" or "GET /2/users/:id/followers" or "GET /2/tweets/:id/liking_users" => XApiPriceCategory.OwnDataRead,
            "GET /2/users/by/username/:username" => XApiPriceCategory.UserRead,
            _ => XApiPriceCategory.Unpriced,
        };

        // Assumption: X bills only what a successful answer carries (a failure, answer null, costs
        // nothing), one resource per entry of "data"; users expanded under "includes" are not billed
        // apart. An answer without "data" (a search that found nothing) returned nothing to bill.
        var resources = answer?["data"] switch
        {
            JsonArray items => items.Count,
            null => 0,
            _ => 1,
        };
        return (category, resources);
    }
}
