using FollowerLoop.X;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Browser.Tests.Api;

/// <summary><c>GET /2/tweets/analytics</c> (per-post follows, Enterprise access) against X's documented answers served over HTTP.</summary>
public sealed class ReportedFollowsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset From = ApiHost.Start.AddHours(-50);
    private static readonly DateTimeOffset To = ApiHost.Start.AddHours(-2);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("followerloop-analytics-");
    private FakeXApi _api = null!;
    private ApiHost _host = null!;

    private IReportedFollowsReader Reader => _host.Services.GetRequiredService<IReportedFollowsReader>();

    public async ValueTask InitializeAsync()
    {
        _api = await FakeXApi.StartAsync();
        _host = new ApiHost(_api, Path.Combine(_directory.FullName, "token.json"));
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _api.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Read_AsksForThePostsRange_AndSumsItsFollowsAndUnfollows()
    {
        var post = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        _api.On("GET", "/2/tweets/analytics", FakeResponse.Json(200, $$$"""
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
    public async Task Read_RefusedWith403_IsUnknown_AndNeverAskedAgain()
    {
        _api.On("GET", "/2/tweets/analytics", FakeResponse.Json(403, """
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
    public async Task Read_PostListedUnderErrors_FailsThatRead_AndKeepsAsking()
    {
        var post = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        _api.On("GET", "/2/tweets/analytics", FakeResponse.Json(200, $$"""
            {"errors":[{"value":"{{post}}","detail":"Could not find tweet with ids: [{{post}}].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"{{post}}","type":"https://api.twitter.com/2/problems/resource-not-found"}]}
            """));

        var error = await Assert.ThrowsAsync<XClientException>(() => Reader.ReadAsync(post, From, To, TestContext.Current.CancellationToken));

        Assert.Contains("Could not find tweet", error.Message, StringComparison.Ordinal);
        Assert.True(Reader.Available);
    }
}
