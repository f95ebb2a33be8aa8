using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>UserTweets, the call x.com's profile makes for its Posts tab and again with a cursor as it is scrolled.</summary>
public sealed partial class UserTweetsTests
{
    [Fact]
    public async Task UserTweets_ListsOwnPostsNewestFirst_WithoutReplies_AndWithTheWorldsExactCounts()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var posts = UserTweetsCalls.Publish(sandbox, 6);
        posts.Add(sandbox.World.Publish("A reply under my own note, which the Posts tab leaves out.", posts[2].Id));
        sandbox.Clock.Advance(TimeSpan.FromHours(20));

        var (status, json, _) = await UserTweetsCalls.GetAsync(sandbox, await UserTweetsCalls.RestIdAsync(sandbox, sandbox.Handle));

        Assert.Equal(HttpStatusCode.OK, status);
        var parsed = GraphQlResponses.ParseTimeline(json.ToJsonString());
        Assert.Equal(UserTweetsCalls.NewestFirst(posts), parsed.Select(tweet => tweet.TweetId));
        Assert.All(parsed, tweet =>
        {
            var truth = sandbox.World.GetMetrics(tweet.TweetId);
            Assert.Equal(sandbox.Handle, tweet.Handle);
            Assert.Equal(new EngagementCounts(truth.Replies, truth.Reposts, truth.Likes, truth.Bookmarks, truth.Views), tweet.Counts);
        });
        Assert.Contains(parsed, tweet => tweet.Counts.Likes > 0);
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(null, 20)]
    [InlineData(0, 1)]
    [InlineData(500, 100)]
    public async Task UserTweets_GivesCountPosts_DefaultTwenty_WithinOneToAHundred(int? count, int expected)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var posts = UserTweetsCalls.Publish(sandbox, 105);

        var (_, json, _) = await UserTweetsCalls.GetAsync(sandbox, await UserTweetsCalls.RestIdAsync(sandbox, sandbox.Handle), count);

        Assert.Equal(UserTweetsCalls.NewestFirst(posts).Take(expected), UserTweetsCalls.TweetIds(json));
    }

    [Fact]
    public async Task UserTweets_BottomCursor_PagesThroughEveryPostOnce_ThenAnswersAPageWithOnlyCursors()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var posts = UserTweetsCalls.Publish(sandbox, 40);
        // Posts within one instant still have one order: their ids'.
        posts.AddRange(UserTweetsCalls.Publish(sandbox, 5, "batching", TimeSpan.Zero));
        posts.Add(sandbox.World.Publish("A reply that must not take a place in any page.", posts[10].Id));
        var userId = await UserTweetsCalls.RestIdAsync(sandbox, sandbox.Handle);

        var seen = new List<string>();
        var pageSizes = new List<int>();
        string? cursor = null;
        JsonNode json;
        do
        {
            (_, json, _) = await UserTweetsCalls.GetAsync(sandbox, userId, count: 20, cursor: cursor);
            var ids = UserTweetsCalls.TweetIds(json);
            pageSizes.Add(ids.Count);
            seen.AddRange(ids);
            cursor = UserTweetsCalls.Cursor(json, "Bottom");
        }
        while (pageSizes[^1] > 0 && pageSizes.Count < 10);

        Assert.Equal([20, 20, 5, 0], pageSizes);
        Assert.Equal(UserTweetsCalls.NewestFirst(posts), seen);
        Assert.Equal(["Top", "Bottom"], UserTweetsCalls.Entries(json).Select(entry => entry!["content"]!["cursorType"]!.GetValue<string>()));
        Assert.Empty(GraphQlResponses.ParseTimeline(json.ToJsonString()));
    }

    [Fact]
    public async Task UserTweets_TopCursor_GivesThePostsPublishedSinceThePage()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        UserTweetsCalls.Publish(sandbox, 3);
        var userId = await UserTweetsCalls.RestIdAsync(sandbox, sandbox.Handle);
        var (_, first, _) = await UserTweetsCalls.GetAsync(sandbox, userId);

        var newer = UserTweetsCalls.Publish(sandbox, 2, "what came later");
        var (_, json, _) = await UserTweetsCalls.GetAsync(sandbox, userId, cursor: UserTweetsCalls.Cursor(first, "Top"));

        Assert.Equal(UserTweetsCalls.NewestFirst(newer), UserTweetsCalls.TweetIds(json));
    }

    [Fact]
    public async Task UserTweets_HasTheShapeOfTheSavedUserTweets()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var posts = UserTweetsCalls.Publish(sandbox, 3);
        sandbox.Clock.Advance(TimeSpan.FromHours(6));
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(SavedXFixtures.UserTweets, TestContext.Current.CancellationToken))!;

        var (_, json, _) = await UserTweetsCalls.GetAsync(sandbox, await UserTweetsCalls.RestIdAsync(sandbox, sandbox.Handle));

        Assert.Equal("User", json["data"]!["user"]!["result"]!["__typename"]!.GetValue<string>());
        Assert.Equal(["TimelineClearCache", "TimelineAddEntries"], Instructions(json).Select(i => i!["type"]!.GetValue<string>()));
        var entries = UserTweetsCalls.Entries(json);
        var savedEntries = UserTweetsCalls.Entries(saved);
        Assert.Equal(UserTweetsCalls.NewestFirst(posts).Select(id => $"tweet-{id}"), entries.Take(3).Select(entry => entry!["entryId"]!.GetValue<string>()));
        Assert.Matches(TopCursorId(), entries[3]!["entryId"]!.GetValue<string>());
        Assert.Matches(BottomCursorId(), entries[4]!["entryId"]!.GetValue<string>());

        var tweetEntry = entries[0]!;
        var savedTweetEntry = savedEntries.First(entry => entry!["entryId"]!.GetValue<string>().StartsWith("tweet-", StringComparison.Ordinal))!;
        Assert.Equal(Keys(savedTweetEntry), Keys(tweetEntry));
        Assert.Equal(Keys(savedTweetEntry["content"]!), Keys(tweetEntry["content"]!));
        Assert.Equal(Keys(savedTweetEntry["content"]!["itemContent"]!), Keys(tweetEntry["content"]!["itemContent"]!));
        var savedCursor = savedEntries.First(entry => entry!["content"]!["entryType"]!.GetValue<string>() == "TimelineTimelineCursor")!;
        Assert.Equal(Keys(savedCursor["content"]!), Keys(entries[4]!["content"]!));

        var tweet = tweetEntry["content"]!["itemContent"]!["tweet_results"]!["result"]!;
        Assert.Equal(posts[^1].Id, tweet["rest_id"]!.GetValue<string>());
        Assert.Equal(sandbox.Handle, tweet["core"]!["user_results"]!["result"]!["core"]!["screen_name"]!.GetValue<string>());
        Assert.Equal(sandbox.World.GetMetrics(posts[^1].Id).Views.ToString(System.Globalization.CultureInfo.InvariantCulture), tweet["views"]!["count"]!.GetValue<string>());
        Assert.Equal(posts[^1].Text, tweet["legacy"]!["full_text"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserTweets_ForASeededAccount_ListsThePostsItsPageShows()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        var page = await sandbox.GetPageAsync("/ai_signal_daily");
        var (_, json, _) = await UserTweetsCalls.GetAsync(sandbox, await UserTweetsCalls.RestIdAsync(sandbox, "ai_signal_daily"));

        var pageIds = page.QuerySelectorAll("article[data-testid='tweet'] time").Select(time => time.ParentElement!.GetAttribute("href")!.Split('/')[^1]).ToList();
        Assert.NotEmpty(pageIds);
        Assert.Equal(pageIds, UserTweetsCalls.TweetIds(json));
        Assert.All(GraphQlResponses.ParseTimeline(json.ToJsonString()), tweet => Assert.Equal("ai_signal_daily", tweet.Handle));
    }

    [Fact]
    public async Task UserTweets_ForAnUnknownUserId_AnswersAnEmptyUser()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        var (status, json, _) = await UserTweetsCalls.GetAsync(sandbox, "123");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"data":{"user":{}}}""", json.ToJsonString());
    }

    [Fact]
    public async Task UserTweets_ForADeletedOrSuspendedAccount_AnswersAsUserByScreenNameDoes()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        UserTweetsCalls.Publish(sandbox, 2);
        var userId = await UserTweetsCalls.RestIdAsync(sandbox, sandbox.Handle);

        var (_, deleted, _) = await UserTweetsCalls.GetAsync(sandbox, userId, fault: "deleted");
        var (_, suspended, _) = await UserTweetsCalls.GetAsync(sandbox, userId, fault: "suspended");

        Assert.Equal("""{"data":{"user":{}}}""", deleted.ToJsonString());
        Assert.Equal("""{"__typename":"UserUnavailable","reason":"Suspended","message":"User is suspended"}""", suspended["data"]!["user"]!["result"]!.ToJsonString());
    }

    [Fact]
    public async Task UserTweets_UnderTheEmojiFault_StoresTextAsTweetDetailDoes()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        sandbox.World.Publish("Shipped it 😂 read https://example.com/notes/shipping-small-tools-weekly & reply");

        var (_, json, _) = await UserTweetsCalls.GetAsync(sandbox, await UserTweetsCalls.RestIdAsync(sandbox, sandbox.Handle), fault: "emoji");

        var legacy = UserTweetsCalls.Entries(json)[0]!["content"]!["itemContent"]!["tweet_results"]!["result"]!["legacy"]!;
        Assert.Matches("^Shipped it 😂 read https://t\\.co/\\w+ &amp; reply$", legacy["full_text"]!.GetValue<string>());
        Assert.Equal("https://example.com/notes/shipping-small-tools-weekly", legacy["entities"]!["urls"]![0]!["expanded_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserTweets_UnderTheRateLimitFault_Answers429WithRateLimitHeaders()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        var (status, json, response) = await UserTweetsCalls.GetAsync(sandbox, await UserTweetsCalls.RestIdAsync(sandbox, sandbox.Handle), fault: "ratelimit");
        using (response)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, status);
            Assert.Equal(88, json["errors"]![0]!["code"]!.GetValue<int>());
            Assert.Equal("0", response.Headers.GetValues("x-rate-limit-remaining").Single());
            Assert.Single(response.Headers.GetValues("x-rate-limit-reset"));
        }
    }

    [Fact]
    public async Task UserTweets_WithACursorItDidNotIssue_AnswersBadRequest()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();

        var (status, _, _) = await UserTweetsCalls.GetAsync(sandbox, await UserTweetsCalls.RestIdAsync(sandbox, sandbox.Handle), cursor: "DAAHCgABHPEX6f6__-sLAAIAAAATMjA3");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    private static JsonArray Instructions(JsonNode json) => json["data"]!["user"]!["result"]!["timeline"]!["timeline"]!["instructions"]!.AsArray();

    private static List<string> Keys(JsonNode node) => [.. node.AsObject().Select(property => property.Key).Order(StringComparer.Ordinal)];

    [GeneratedRegex("^cursor-top-[0-9]+$")]
    private static partial Regex TopCursorId();

    [GeneratedRegex("^cursor-bottom-[0-9]+$")]
    private static partial Regex BottomCursorId();
}
