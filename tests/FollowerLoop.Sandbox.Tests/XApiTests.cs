using System.Net;
using System.Text.Json.Nodes;
using FollowerLoop.Sandbox.Web;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Tests;

public sealed class XApiTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task WithoutAKnownToken_Answers401Problem(string? token)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/2/users/me");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await sandbox.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Users_CarryExactPublicMetricsAndRateLimitHeaders()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        sandbox.Clock.Advance(TimeSpan.FromHours(30));
        var now = sandbox.Clock.GetUtcNow();

        using var request = sandbox.Api(HttpMethod.Get, "/2/users/me?user.fields=public_metrics");
        using var response = await sandbox.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var me = (await SandboxHost.ReadJsonAsync(response))["data"]!;
        var byId = (await sandbox.SendApiAsync(HttpMethod.Get, $"/2/users/{me["id"]}?user.fields=public_metrics")).Body["data"]!;
        var other = (await sandbox.SendApiAsync(HttpMethod.Get, "/2/users/by/username/founder_notes?user.fields=public_metrics")).Body["data"]!;

        Assert.Equal(sandbox.Handle, me["username"]!.GetValue<string>());
        Assert.Equal(sandbox.World.GetFollowers(now), me["public_metrics"]!["followers_count"]!.GetValue<long>());
        Assert.Equal(sandbox.World.Account.Following, me["public_metrics"]!["following_count"]!.GetValue<long>());
        Assert.Equal(sandbox.World.GetStatusesCount(now), me["public_metrics"]!["tweet_count"]!.GetValue<long>());
        Assert.True(JsonNode.DeepEquals(me, byId));
        Assert.Equal(23_900, other["public_metrics"]!["followers_count"]!.GetValue<long>());
        Assert.Equal("10000", response.Headers.GetValues("x-rate-limit-limit").Single());
        Assert.Equal("9999", response.Headers.GetValues("x-rate-limit-remaining").Single());
        Assert.True(long.Parse(response.Headers.GetValues("x-rate-limit-reset").Single(), System.Globalization.CultureInfo.InvariantCulture) > now.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task UnknownUser_IsANotFoundErrorWithoutData()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var (status, body) = await sandbox.SendApiAsync(HttpMethod.Get, "/2/users/by/username/nobody_here");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body["data"]);
        Assert.Equal("nobody_here", body["errors"]![0]!["resource_id"]!.GetValue<string>());
        Assert.Equal("https://api.twitter.com/2/problems/resource-not-found", body["errors"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task TweetLookup_GivesMetricsNonPublicOnlyForOwnPostsAndNamesUnknownIds()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var own = sandbox.World.Publish("7 lessons from shipping side projects:\n1. Ship ugly\n2. Talk to users\n3. Charge early");
        sandbox.Clock.Advance(TimeSpan.FromHours(20));
        var other = sandbox.World.SearchRecent(string.Empty, 1)[0];
        var counts = sandbox.World.GetMetrics(own.Id);

        var (status, body) = await sandbox.SendApiAsync(HttpMethod.Get, $"/2/tweets?ids={own.Id},{other.Id},42&tweet.fields=public_metrics,non_public_metrics,created_at");

        Assert.Equal(HttpStatusCode.OK, status);
        var data = body["data"]!.AsArray();
        var mine = data.Single(tweet => tweet!["id"]!.GetValue<string>() == own.Id)!;
        Assert.Equal(counts.Likes, mine["public_metrics"]!["like_count"]!.GetValue<long>());
        Assert.Equal(counts.Views, mine["public_metrics"]!["impression_count"]!.GetValue<long>());
        Assert.Equal(counts.Views, mine["non_public_metrics"]!["impression_count"]!.GetValue<long>());
        var age = sandbox.Clock.GetUtcNow() - own.PostedAt;
        Assert.Equal(sandbox.World.Audience.ProfileClicksAt(own.Outcome, age), mine["non_public_metrics"]!["user_profile_clicks"]!.GetValue<long>());
        Assert.True(mine["non_public_metrics"]!["user_profile_clicks"]!.GetValue<long>() > 0);
        Assert.Equal(0, mine["non_public_metrics"]!["url_link_clicks"]!.GetValue<long>());
        Assert.Equal(sandbox.World.GetQuoteCount(own, sandbox.Clock.GetUtcNow()), mine["public_metrics"]!["quote_count"]!.GetValue<long>());
        Assert.Equal(own.Text, mine["text"]!.GetValue<string>());
        var theirs = data.Single(tweet => tweet!["id"]!.GetValue<string>() == other.Id)!;
        Assert.Null(theirs["non_public_metrics"]);
        Assert.NotNull(theirs["public_metrics"]);
        var errors = body["errors"]!.AsArray();
        Assert.Contains(errors, error => error!["resource_id"]!.GetValue<string>() == "42" && error["title"]!.GetValue<string>() == "Not Found Error");
        Assert.Contains(errors, error => error!["resource_id"]!.GetValue<string>() == other.Id && error["field"]!.GetValue<string>() == "non_public_metrics");
    }

    [Fact]
    public async Task PostAnalytics_RefusedByDefault_AsForSelfServeAccess()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var post = sandbox.World.Publish("How to keep a side project alive for a year");

        var (status, body) = await sandbox.SendApiAsync(HttpMethod.Get, $"/2/tweets/analytics?ids={post.Id}&start_time=2026-01-05T00:00:00Z&end_time=2026-01-08T00:00:00Z&granularity=total&analytics.fields=follows,unfollows");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Client Forbidden", body["title"]!.GetValue<string>());
        Assert.Equal("client-not-enrolled", body["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostAnalytics_WhenGiven_AreThePostsTrueFollowsAndUnfollowsInTheRange()
    {
        await using var sandbox = await SandboxHost.StartAsync(options => options.PostAnalytics = true);
        var post = sandbox.World.Publish("Unpopular opinion: most productivity advice is procrastination");
        sandbox.Clock.Advance(TimeSpan.FromHours(30));
        var start = post.PostedAt.AddHours(2);
        var end = post.PostedAt.AddHours(24);
        string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

        var (status, body) = await sandbox.SendApiAsync(HttpMethod.Get, $"/2/tweets/analytics?ids={post.Id}&start_time={Utc(start)}&end_time={Utc(end)}&granularity=total&analytics.fields=follows,unfollows,user_profile_clicks");

        Assert.Equal(HttpStatusCode.OK, status);
        var metrics = body["data"]![0]!["timestamped_metrics"]![0]!["metrics"]!;
        var audience = sandbox.World.Audience;
        var (early, late) = (start - post.PostedAt, end - post.PostedAt);
        Assert.Equal(audience.FollowsAt(post.Outcome, late) - audience.FollowsAt(post.Outcome, early), metrics["follows"]!.GetValue<long>());
        Assert.Equal(audience.UnfollowsAt(post.Outcome, late) - audience.UnfollowsAt(post.Outcome, early), metrics["unfollows"]!.GetValue<long>());
        Assert.Equal(audience.ProfileClicksAt(post.Outcome, late) - audience.ProfileClicksAt(post.Outcome, early), metrics["user_profile_clicks"]!.GetValue<long>());
        Assert.True(metrics["follows"]!.GetValue<long>() > 0);
        Assert.Null(metrics["impressions"]);
    }

    [Fact]
    public async Task CreateTweet_Answers201AndRefusesDuplicatesAndLongTexts()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var (created, body) = await sandbox.SendApiAsync(HttpMethod.Post, "/2/tweets", new { text = "Hello from the API." });
        var (duplicate, problem) = await sandbox.SendApiAsync(HttpMethod.Post, "/2/tweets", new { text = "Hello from the API." });
        var (tooLong, invalid) = await sandbox.SendApiAsync(HttpMethod.Post, "/2/tweets", new { text = new string('a', 281) });

        Assert.Equal(HttpStatusCode.Created, created);
        var id = body["data"]!["id"]!.GetValue<string>();
        Assert.Equal("Hello from the API.", sandbox.World.FindPost(id)!.Text);
        Assert.Equal("Hello from the API.", body["data"]!["text"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, duplicate);
        Assert.Equal("You are not allowed to create a Tweet with duplicate content.", problem["detail"]!.GetValue<string>());
        Assert.Equal(403, problem["status"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Equal("Invalid Request", invalid["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateTweet_ReplyingToAFanReply_IsAccepted()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var post = sandbox.World.Publish("What is the one habit that changed your career?");
        sandbox.Clock.Advance(TimeSpan.FromHours(48));
        var fanReply = sandbox.World.GetFanReplies(post, sandbox.Clock.GetUtcNow(), 1)[0];

        var (status, body) = await sandbox.SendApiAsync(HttpMethod.Post, "/2/tweets", new { text = "Thank you!", reply = new { in_reply_to_tweet_id = fanReply.Id } });
        var (unknown, problem) = await sandbox.SendApiAsync(HttpMethod.Post, "/2/tweets", new { text = "Hello?", reply = new { in_reply_to_tweet_id = "42" } });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(fanReply.Id, sandbox.World.FindPost(body["data"]!["id"]!.GetValue<string>())!.InReplyToId);
        Assert.Equal(HttpStatusCode.Forbidden, unknown);
        Assert.Equal("You attempted to reply to a Tweet that is deleted or not visible to you.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task SearchRecent_ExpandsAuthorsAndChecksMaxResults()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        sandbox.Clock.Advance(TimeSpan.FromDays(2));

        var (status, body) = await sandbox.SendApiAsync(HttpMethod.Get, "/2/tweets/search/recent?query=ai&max_results=10&expansions=author_id&user.fields=username&tweet.fields=created_at");
        var (tooFew, _) = await sandbox.SendApiAsync(HttpMethod.Get, "/2/tweets/search/recent?query=ai&max_results=5");

        Assert.Equal(HttpStatusCode.OK, status);
        var data = body["data"]!.AsArray();
        Assert.InRange(data.Count, 1, 10);
        var users = body["includes"]!["users"]!.AsArray().ToDictionary(user => user!["id"]!.GetValue<string>(), user => user!["username"]!.GetValue<string>());
        Assert.All(data, tweet => Assert.True(users.ContainsKey(tweet!["author_id"]!.GetValue<string>())));
        Assert.All(data, tweet => Assert.EndsWith("Z", tweet!["created_at"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(data.Count, body["meta"]!["result_count"]!.GetValue<int>());
        Assert.Equal(data[0]!["id"]!.GetValue<string>(), body["meta"]!["newest_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, tooFew);
    }

    [Fact]
    public async Task Mentions_ListSummonsNewestFirstWithReferencesAndIncludes()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var own = sandbox.World.Publish("Ship small, ship often.");
        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var reply = sandbox.World.Summon(SummonKind.Reply, "planted_pat", "Agreed.", own.Id);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var quote = sandbox.World.Summon(SummonKind.Quote, "maya_builds", "Worth reading.", own.Id);
        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var mention = sandbox.World.Summon(SummonKind.Mention, "ken_makes", "any tips?");
        var userId = WorldViews.RestIdOf(sandbox.Handle);
        const string Fields = "expansions=author_id,referenced_tweets.id&tweet.fields=created_at,conversation_id,referenced_tweets,in_reply_to_user_id&user.fields=username";

        var (status, body) = await sandbox.SendApiAsync(HttpMethod.Get, $"/2/users/{userId}/mentions?max_results=5&{Fields}");

        Assert.Equal(HttpStatusCode.OK, status);
        var data = body["data"]!.AsArray();
        Assert.Equal([mention.Id, quote.Id, reply.Id], data.Select(tweet => tweet!["id"]!.GetValue<string>()));
        Assert.Null(data[0]!["referenced_tweets"]);
        Assert.Equal(mention.Id, data[0]!["conversation_id"]!.GetValue<string>());
        Assert.Equal("quoted", data[1]!["referenced_tweets"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(own.Id, data[1]!["referenced_tweets"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("replied_to", data[2]!["referenced_tweets"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(own.Id, data[2]!["conversation_id"]!.GetValue<string>());
        Assert.Equal(userId, data[2]!["in_reply_to_user_id"]!.GetValue<string>());
        Assert.Equal($"@{sandbox.Handle} Agreed.", data[2]!["text"]!.GetValue<string>());
        Assert.Equal(WorldViews.RestIdOf("ken_makes"), data[0]!["author_id"]!.GetValue<string>());
        Assert.Contains(body["includes"]!["users"]!.AsArray(), user => user!["username"]!.GetValue<string>() == "planted_pat");
        Assert.Equal(own.Id, Assert.Single(body["includes"]!["tweets"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal((3, mention.Id, reply.Id), (body["meta"]!["result_count"]!.GetValue<int>(), body["meta"]!["newest_id"]!.GetValue<string>(), body["meta"]!["oldest_id"]!.GetValue<string>()));

        var (_, since) = await sandbox.SendApiAsync(HttpMethod.Get, $"/2/users/{userId}/mentions?since_id={quote.Id}&{Fields}");
        Assert.Equal(mention.Id, Assert.Single(since["data"]!.AsArray())!["id"]!.GetValue<string>());
        var (_, none) = await sandbox.SendApiAsync(HttpMethod.Get, $"/2/users/{userId}/mentions?since_id={mention.Id}");
        Assert.Null(none["data"]);
        Assert.Equal(0, none["meta"]!["result_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Mentions_PageWithNextToken()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        sandbox.Clock.Advance(TimeSpan.FromDays(10));
        var all = sandbox.World.GetSummons(sandbox.Clock.GetUtcNow());
        var path = $"/2/users/{WorldViews.RestIdOf(sandbox.Handle)}/mentions?max_results=5";

        var (_, first) = await sandbox.SendApiAsync(HttpMethod.Get, path);
        var (_, second) = await sandbox.SendApiAsync(HttpMethod.Get, $"{path}&pagination_token={first["meta"]!["next_token"]}");

        Assert.True(all.Count > 10);
        var ids = first["data"]!.AsArray().Concat(second["data"]!.AsArray()).Select(tweet => tweet!["id"]!.GetValue<string>());
        Assert.Equal(all.Take(10).Select(post => post.Id), ids);
    }

    [Fact]
    public async Task ErrorFault_Answers503Problem()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var request = sandbox.Api(HttpMethod.Get, "/2/users/me");
        request.Headers.Add("X-Sandbox-Fault", "error");

        using var response = await sandbox.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(503, (await SandboxHost.ReadJsonAsync(response))["status"]!.GetValue<int>());
    }
}
