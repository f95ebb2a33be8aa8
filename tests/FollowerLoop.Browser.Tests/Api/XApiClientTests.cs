using System.Text.Json.Nodes;
using FollowerLoop.X;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Browser.Tests.Api;

/// <summary>
/// The API client (and its readers of per-post follows and of a post's likers) against documented X API v2 answers
/// (developer.x.com's examples) served over HTTP, checking the exact requests it sends; what needs only ordinary X
/// behaviour is in <see cref="XApiSandboxTests"/>.
/// </summary>
public sealed class XApiClientTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("followerloop-xapi-");
    private ScriptedXApi _api = null!;
    private ApiHost _host = null!;

    private static DateTimeOffset From => ApiHost.Start.AddHours(-50);

    private static DateTimeOffset To => ApiHost.Start.AddHours(-2);

    private IReportedFollowsReader Reader => _host.Services.GetRequiredService<IReportedFollowsReader>();

    private ILikingUsersReader Likers => _host.Services.GetRequiredService<ILikingUsersReader>();

    public async ValueTask InitializeAsync()
    {
        _api = await ScriptedXApi.StartAsync();
        _host = new ApiHost(_api.BaseAddress, Path.Combine(_directory.FullName, "token.json"));
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _api.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Post_SendsTheTextWithTheUserToken_ReturnsTheNewId()
    {
        _api.On("POST", "/2/tweets", ScriptedResponse.Json(201, """{"data":{"edit_history_tweet_ids":["1445880548472328192"],"id":"1445880548472328192","text":"Hello world!"}}"""));

        var posted = await _host.Client.PostAsync("Hello world!", TestContext.Current.CancellationToken);

        Assert.Equal(new PostedTweet("1445880548472328192", ApiHost.Handle, ApiHost.Start), posted);
        var request = Assert.Single(_api.RequestsTo("POST", "/2/tweets"));
        Assert.Equal($"Bearer {ApiHost.AccessToken}", request.Authorization);
        Assert.Equal("Hello world!", JsonNode.Parse(request.Body)!["text"]!.GetValue<string>());
        Assert.Null(JsonNode.Parse(request.Body)!["reply"]);
    }

    [Fact]
    public async Task Reply_SendsInReplyToTweetId()
    {
        _api.On("POST", "/2/tweets", ScriptedResponse.Json(201, """{"data":{"id":"1445880548472328193","text":"Agreed"}}"""));

        var posted = await _host.Client.ReplyAsync("1460323737035677698", "Agreed", TestContext.Current.CancellationToken);

        Assert.Equal("1445880548472328193", posted.TweetId);
        var body = JsonNode.Parse(Assert.Single(_api.Requests).Body)!;
        Assert.Equal("1460323737035677698", body["reply"]!["in_reply_to_tweet_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_DuplicateRefusedWith403_IsRejectedAndSentOnce()
    {
        _api.On("POST", "/2/tweets", ScriptedResponse.Json(403, """{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}"""));

        var error = await Assert.ThrowsAsync<XPostRejectedException>(() => _host.Client.PostAsync("Same again", TestContext.Current.CancellationToken));

        Assert.False(error.IsRetryable);
        Assert.Contains("duplicate content", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    public async Task Post_ServerErrorAfterSending_IsUncertainAndNeverResent(int status)
    {
        _api.On("POST", "/2/tweets", ScriptedResponse.Json(status, """{"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank","status":503}"""));

        var error = await Assert.ThrowsAsync<XClientException>(() => _host.Client.PostAsync("Maybe posted", TestContext.Current.CancellationToken));

        Assert.IsNotType<XPostRejectedException>(error);
        Assert.False(error.IsRetryable);
        Assert.Contains("check the profile", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Post_NoAnswerBeforeTheTimeout_IsUncertainAndNeverResent()
    {
        using var host = new ApiHost(_api.BaseAddress, Path.Combine(_directory.FullName, "token.json"), new() { ["XApi:RequestTimeout"] = "00:00:01" });
        _api.On("POST", "/2/tweets", new ScriptedResponse(201, """{"data":{"id":"1","text":"late"}}""", Delay: TimeSpan.FromSeconds(3)));

        var error = await Assert.ThrowsAsync<XClientException>(() => host.Client.PostAsync("Slow", TestContext.Current.CancellationToken));

        Assert.IsNotType<XPostRejectedException>(error);
        Assert.False(error.IsRetryable);
        Assert.Contains("may have been posted", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Metrics_DueTogether_OneRequest_PartialErrorsFailOnlyTheirIds()
    {
        var mine = ApiHost.TweetIdPosted(TimeSpan.FromHours(2));
        var other = ApiHost.TweetIdPosted(TimeSpan.FromHours(6));
        var deleted = ApiHost.TweetIdPosted(TimeSpan.FromHours(12));
        _api.On("GET", "/2/tweets", ScriptedResponse.Json(200, $$"""
            {"data":[
              {"id":"{{mine}}","text":"a","created_at":"2026-11-24T10:00:00.000Z",
               "public_metrics":{"retweet_count":3,"reply_count":2,"like_count":40,"quote_count":1,"bookmark_count":5,"impression_count":900},
               "non_public_metrics":{"impression_count":1234,"url_link_clicks":4,"user_profile_clicks":7},
               "organic_metrics":{"impression_count":1234,"like_count":40,"reply_count":2,"retweet_count":3,"url_link_clicks":4,"user_profile_clicks":7} },
              {"id":"{{other}}","text":"b","created_at":"2026-11-24T06:00:00.000Z",
               "public_metrics":{"retweet_count":0,"reply_count":0,"like_count":1,"quote_count":0} }
             ],
             "errors":[{"value":"{{deleted}}","detail":"Could not find tweet with ids: [{{deleted}}].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"{{deleted}}","type":"https://api.twitter.com/2/problems/resource-not-found"}] }
            """));
        var token = TestContext.Current.CancellationToken;

        var reads = new[] { mine, other, deleted }.Select(id => _host.Client.GetTweetMetricsAsync(ApiHost.Handle, id, token)).ToList();

        Assert.Equal(new TweetMetrics(ApiHost.Handle, mine, 2, 3, 40, 5, 1234, ApiHost.Start) { Quotes = 1, ProfileClicks = 7, LinkClicks = 4 }, await reads[0]);
        // No bookmark or impression count and no owner's metrics given: unknown, not zero.
        Assert.Equal(new TweetMetrics(ApiHost.Handle, other, 0, 0, 1, null, null, ApiHost.Start) { Quotes = 0 }, await reads[1]);
        var error = await Assert.ThrowsAsync<XClientException>(() => reads[2]);
        Assert.False(error.IsRetryable);
        Assert.Contains("Could not find tweet", error.Message, StringComparison.Ordinal);
        var request = Assert.Single(_api.Requests);
        Assert.Equal([mine, other, deleted], request.Parameter("ids")!.Split(','));
        Assert.Contains("non_public_metrics", request.Parameter("tweet.fields"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_MoreThanAHundredDueTogether_AtMostAHundredIdsPerRequest()
    {
        var ids = Enumerable.Range(1, 150).Select(n => ApiHost.TweetIdPosted(TimeSpan.FromMinutes(n))).ToList();
        _api.On("GET", "/2/tweets", ScriptedResponse.Json(200, """{"data":[]}"""));
        var token = TestContext.Current.CancellationToken;

        var reads = ids.Select(id => _host.Client.GetTweetMetricsAsync(ApiHost.Handle, id, token)).ToList();
        foreach (var read in reads)
        {
            await Assert.ThrowsAsync<XClientException>(() => read);
        }

        Assert.Equal([100, 50], _api.Requests.Select(request => request.Parameter("ids")!.Split(',').Length).Order().Reverse());
    }

    [Fact]
    public async Task Metrics_NonPublicFieldsForbidden_FallsBackToPublicMetrics()
    {
        var id = ApiHost.TweetIdPosted(TimeSpan.FromHours(2));
        _api.On("GET", "/2/tweets",
            ScriptedResponse.Json(403, """{"title":"Forbidden","type":"about:blank","status":403,"detail":"Forbidden"}"""),
            ScriptedResponse.Json(200, $$"""{"data":[{"id":"{{id}}","text":"a","public_metrics":{"retweet_count":1,"reply_count":1,"like_count":9,"quote_count":0,"bookmark_count":2,"impression_count":300} }]}"""));

        var metrics = await _host.Client.GetTweetMetricsAsync(ApiHost.Handle, id, TestContext.Current.CancellationToken);

        Assert.Equal(300, metrics.Views);
        Assert.Equal(9, metrics.Likes);
        Assert.Equal(2, _api.Requests.Count);
        Assert.DoesNotContain("non_public_metrics", _api.Requests[1].Parameter("tweet.fields"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_OtherAccountOrOldPost_AsksPublicMetricsOnly()
    {
        var old = ApiHost.TweetIdPosted(TimeSpan.FromDays(31));
        _api.On("GET", "/2/tweets", ScriptedResponse.Json(200, $$"""{"data":[{"id":"{{old}}","text":"a","public_metrics":{"retweet_count":1,"reply_count":1,"like_count":9,"quote_count":0} }]}"""));

        await _host.Client.GetTweetMetricsAsync(ApiHost.Handle, old, TestContext.Current.CancellationToken);

        Assert.Equal("public_metrics,created_at", Assert.Single(_api.Requests).Parameter("tweet.fields"));
    }

    [Fact]
    public async Task Profile_OwnAccount_ReadsUsersMeOnceThenById_ExactFollowers()
    {
        _api.On("GET", "/2/users/me", ScriptedResponse.Json(200, """{"data":{"id":"2244994945","name":"FL","username":"fl_api","public_metrics":{"followers_count":513962,"following_count":2039,"tweet_count":3635,"listed_count":1672}}}"""));
        _api.On("GET", "/2/users/2244994945", ScriptedResponse.Json(200, """{"data":{"id":"2244994945","name":"FL","username":"fl_api","public_metrics":{"followers_count":513963,"following_count":2039,"tweet_count":3635,"listed_count":1672}}}"""));
        var token = TestContext.Current.CancellationToken;

        var first = await _host.Client.GetProfileAsync(ApiHost.Handle, token);
        var second = await _host.Client.GetProfileAsync(ApiHost.Handle, token);

        Assert.Equal(new ProfileStats("fl_api", 513963, 2039, FollowersExact: true, ApiHost.Start), first);
        Assert.Equal(first, second);
        Assert.Single(_api.RequestsTo("GET", "/2/users/me"));
        Assert.Equal(2, _api.RequestsTo("GET", "/2/users/2244994945").Count);
        Assert.Equal("public_metrics,description", _api.Requests[^1].Parameter("user.fields"));
    }

    [Fact]
    public async Task SearchRecent_MapsAuthorsFromIncludes_AndKeepsTheLimit()
    {
        _api.On("GET", "/2/tweets/search/recent", ScriptedResponse.Json(200, """
            {"data":[
              {"author_id":"2244994945","created_at":"2026-11-24T11:50:00.000Z","id":"1373001119480344583","text":"Looking to get started with the X API?"},
              {"author_id":"6253282","created_at":"2026-11-24T11:40:00.000Z","id":"1372627771717869568","text":"Thanks to everyone"},
              {"author_id":"6253282","created_at":"2026-11-24T11:30:00.000Z","id":"1372627771717869569","text":"Third"}],
             "includes":{"users":[{"id":"2244994945","name":"Developers","username":"XDevelopers"},{"id":"6253282","name":"API","username":"XAPI"}]},
             "meta":{"newest_id":"1373001119480344583","oldest_id":"1372627771717869569","result_count":3}}
            """));

        var found = await _host.Client.SearchRecentAsync("ai startups -is:retweet", 2, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                new FoundTweet("1373001119480344583", "XDevelopers", "Looking to get started with the X API?", new DateTimeOffset(2026, 11, 24, 11, 50, 0, TimeSpan.Zero)),
                new FoundTweet("1372627771717869568", "XAPI", "Thanks to everyone", new DateTimeOffset(2026, 11, 24, 11, 40, 0, TimeSpan.Zero)),
            ],
            found);
        var request = Assert.Single(_api.Requests);
        Assert.Equal("ai startups -is:retweet", request.Parameter("query"));
        Assert.Equal("10", request.Parameter("max_results"));
        Assert.Equal("author_id", request.Parameter("expansions"));
    }

    [Fact]
    public async Task Mentions_ReadsTheAccountsMentionsTimeline_WithKindsConversationsAndSinceId()
    {
        _api.On("GET", "/2/users/me", ScriptedResponse.Json(200, """{"data":{"id":"99","username":"fl_api","public_metrics":{"followers_count":10,"following_count":2}}}"""));
        _api.On("GET", "/2/users/99/mentions", ScriptedResponse.Json(200, """
            {"data":[
              {"id":"1500000000000000003","author_id":"7","text":"@fl_api quoting you https://t.co/x","created_at":"2026-11-24T11:50:00.000Z","conversation_id":"1500000000000000003","referenced_tweets":[{"type":"quoted","id":"1400000000000000001"}]},
              {"id":"1500000000000000002","author_id":"8","text":"@fl_api great post","created_at":"2026-11-24T11:40:00.000Z","conversation_id":"1400000000000000001","referenced_tweets":[{"type":"replied_to","id":"1400000000000000001"}]},
              {"id":"1500000000000000001","author_id":"7","text":"What does @fl_api think?","created_at":"2026-11-24T11:30:00.000Z","conversation_id":"1500000000000000001"}],
             "includes":{"users":[{"id":"7","name":"Maya","username":"maya_builds"},{"id":"8","name":"Tom","username":"tom_ships"}]},
             "meta":{"newest_id":"1500000000000000003","oldest_id":"1500000000000000001","result_count":3}}
            """));

        var mentions = await _host.Client.GetMentionsAsync(20, "1499999999999999999", TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                new Mention("1500000000000000003", "maya_builds", "@fl_api quoting you https://t.co/x", new DateTimeOffset(2026, 11, 24, 11, 50, 0, TimeSpan.Zero), MentionKind.Quote, "1500000000000000003"),
                new Mention("1500000000000000002", "tom_ships", "@fl_api great post", new DateTimeOffset(2026, 11, 24, 11, 40, 0, TimeSpan.Zero), MentionKind.Reply, "1400000000000000001"),
                new Mention("1500000000000000001", "maya_builds", "What does @fl_api think?", new DateTimeOffset(2026, 11, 24, 11, 30, 0, TimeSpan.Zero), MentionKind.Mention, "1500000000000000001"),
            ],
            mentions);
        var request = Assert.Single(_api.RequestsTo("GET", "/2/users/99/mentions"));
        Assert.Equal("1499999999999999999", request.Parameter("since_id"));
        Assert.Equal("20", request.Parameter("max_results"));
        Assert.Contains("referenced_tweets.id", request.Parameter("expansions"), StringComparison.Ordinal);
        Assert.Contains("conversation_id", request.Parameter("tweet.fields"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentions_NoneNew_IsEmpty_AndAFewAsksForXsMinimumPage()
    {
        _api.On("GET", "/2/users/me", ScriptedResponse.Json(200, """{"data":{"id":"99","username":"fl_api","public_metrics":{}}}"""));
        _api.On("GET", "/2/users/99/mentions", ScriptedResponse.Json(200, """{"meta":{"result_count":0}}"""));

        Assert.Empty(await _host.Client.GetMentionsAsync(2, null, TestContext.Current.CancellationToken));
        var request = Assert.Single(_api.RequestsTo("GET", "/2/users/99/mentions"));
        Assert.Equal("5", request.Parameter("max_results"));
        Assert.Null(request.Parameter("since_id"));
    }

    [Fact]
    public async Task ReportedFollows_AsksForThePostsRange_AndSumsItsFollowsAndUnfollows()
    {
        var post = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        _api.On("GET", "/2/tweets/analytics", ScriptedResponse.Json(200, $$$"""
            {"data":[{"id":"{{{post}}}","timestamped_metrics":[
              {"timestamp":"2026-11-22T10:00:00Z","metrics":{"follows":31,"unfollows":4}},
              {"timestamp":"2026-11-23T10:00:00Z","metrics":{"follows":6,"unfollows":1}}]}]}
            """));

        var follows = await Reader.ReadAsync(post, From, To, TestContext.Current.CancellationToken);

        Assert.Equal(new ReportedFollows(post, 37, 5), follows);
        Assert.Equal(32, follows!.Net);
        var request = Assert.Single(_api.Requests);
        Assert.Equal(post, request.Parameter("ids"));
        Assert.Equal("2026-11-22T10:00:00Z", request.Parameter("start_time"));
        Assert.Equal("2026-11-24T10:00:00Z", request.Parameter("end_time"));
        Assert.Equal("total", request.Parameter("granularity"));
        Assert.Equal("follows,unfollows", request.Parameter("analytics.fields"));
    }

    [Fact]
    public async Task ReportedFollows_RefusedWith403_IsUnknown_AndNeverAskedAgain()
    {
        _api.On("GET", "/2/tweets/analytics", ScriptedResponse.Json(403, """
            {"client_id":"101","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.","registration_url":"https://developer.twitter.com/en/docs/projects/overview","title":"Client Forbidden","required_enrollment":"Enterprise","reason":"client-not-enrolled","type":"https://api.twitter.com/2/problems/client-forbidden"}
            """));
        var token = TestContext.Current.CancellationToken;

        Assert.Null(await Reader.ReadAsync(ApiHost.TweetIdPosted(TimeSpan.FromHours(50)), From, To, token));
        Assert.False(Reader.Available);
        Assert.Null(await Reader.ReadAsync(ApiHost.TweetIdPosted(TimeSpan.FromHours(51)), From, To, token));

        Assert.Single(_api.Requests);
        Assert.Contains(_host.Logs, line => line.StartsWith("3121 ", StringComparison.Ordinal) && line.Contains("client-not-enrolled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportedFollows_PostListedUnderErrors_FailsThatRead_AndKeepsAsking()
    {
        var post = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        _api.On("GET", "/2/tweets/analytics", ScriptedResponse.Json(200, $$"""
            {"errors":[{"value":"{{post}}","detail":"Could not find tweet with ids: [{{post}}].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"{{post}}","type":"https://api.twitter.com/2/problems/resource-not-found"}]}
            """));

        var error = await Assert.ThrowsAsync<XClientException>(() => Reader.ReadAsync(post, From, To, TestContext.Current.CancellationToken));

        Assert.Contains("Could not find tweet", error.Message, StringComparison.Ordinal);
        Assert.True(Reader.Available);
    }

    [Fact]
    public async Task LikingUsers_AsksOnceForAllXLists_AndAShortListIsComplete()
    {
        var post = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        _api.On("GET", $"/2/tweets/{post}/liking_users", ScriptedResponse.Json(200, """
            {"data":[{"id":"1065249714214457345","name":"Spaces","username":"TwitterSpaces"},{"id":"783214","name":"Twitter","username":"Twitter"}],
             "meta":{"result_count":2}}
            """));

        var likers = await Likers.ReadAsync(post, TestContext.Current.CancellationToken);

        Assert.NotNull(likers);
        Assert.Equal((post, true), (likers.PostId, likers.Complete));
        Assert.Equal(["1065249714214457345", "783214"], likers.UserIds);
        Assert.Equal("100", Assert.Single(_api.Requests).Parameter("max_results"));
    }

    [Fact]
    public async Task LikingUsers_AHundredListed_MayBeCut()
    {
        var post = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        var users = string.Join(',', Enumerable.Range(1, 100).Select(i => $$"""{"id":"{{1000 + i}}","name":"U{{i}}","username":"u{{i}}"}"""));
        _api.On("GET", $"/2/tweets/{post}/liking_users", ScriptedResponse.Json(200, $$$"""{"data":[{{{users}}}],"meta":{"result_count":100}}"""));

        var likers = await Likers.ReadAsync(post, TestContext.Current.CancellationToken);

        Assert.Equal(100, likers!.UserIds.Count);
        Assert.False(likers.Complete);
    }

    [Fact]
    public async Task LikingUsers_ADeletedPost_FailsTheRead_RatherThanListNoOne()
    {
        var post = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        _api.On("GET", $"/2/tweets/{post}/liking_users", ScriptedResponse.Json(200, $$"""
            {"errors":[{"value":"{{post}}","detail":"Could not find tweet with id: [{{post}}].","title":"Not Found Error","resource_type":"tweet","parameter":"id","resource_id":"{{post}}","type":"https://api.twitter.com/2/problems/resource-not-found"}]}
            """));

        var error = await Assert.ThrowsAsync<XClientException>(() => Likers.ReadAsync(post, TestContext.Current.CancellationToken));

        Assert.Contains("Could not find tweet", error.Message, StringComparison.Ordinal);
        Assert.True(Likers.Available);
    }

    [Fact]
    public async Task LikingUsers_RefusedWith403_IsUnknown_AndNeverAskedAgain()
    {
        var first = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        _api.On("GET", $"/2/tweets/{first}/liking_users", ScriptedResponse.Json(403, """
            {"client_id":"101","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.","registration_url":"https://developer.twitter.com/en/docs/projects/overview","title":"Client Forbidden","required_enrollment":"Appropriate Level of API Access","reason":"client-not-enrolled","type":"https://api.twitter.com/2/problems/client-forbidden"}
            """));
        var token = TestContext.Current.CancellationToken;

        Assert.Null(await Likers.ReadAsync(first, token));
        Assert.False(Likers.Available);
        Assert.Null(await Likers.ReadAsync(ApiHost.TweetIdPosted(TimeSpan.FromHours(51)), token));

        Assert.Single(_api.Requests);
        Assert.Contains(_host.Logs, line => line.StartsWith("3122 ", StringComparison.Ordinal) && line.Contains("client-not-enrolled", StringComparison.Ordinal));
    }
}
