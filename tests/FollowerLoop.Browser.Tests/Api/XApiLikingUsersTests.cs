using FollowerLoop.X;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Browser.Tests.Api;

/// <summary>The likers of an own post (<c>GET /2/tweets/:id/liking_users</c>) against the documented answers: X lists at most 100 a post, for all time.</summary>
public sealed class XApiLikingUsersTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("followerloop-likers-");
    private ScriptedXApi _api = null!;
    private ApiHost _host = null!;

    private ILikingUsersReader Reader => _host.Services.GetRequiredService<ILikingUsersReader>();

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
    public async Task Read_AsksOnceForAllXLists_AndAShortListIsComplete()
    {
        var post = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        _api.On("GET", $"/2/tweets/{post}/liking_users", ScriptedResponse.Json(200, """
            {"data":[{"id":"1065249714214457345","name":"Spaces","username":"TwitterSpaces"},{"id":"783214","name":"Twitter","username":"Twitter"}],
             "meta":{"result_count":2}}
            """));

        var likers = await Reader.ReadAsync(post, TestContext.Current.CancellationToken);

        Assert.NotNull(likers);
        Assert.Equal((post, true), (likers.PostId, likers.Complete));
        Assert.Equal(["1065249714214457345", "783214"], likers.UserIds);
        Assert.Equal("100", Assert.Single(_api.Requests).Parameter("max_results"));
    }

    [Fact]
    public async Task Read_AHundredListed_MayBeCut()
    {
        var post = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        var users = string.Join(',', Enumerable.Range(1, 100).Select(i => $$"""{"id":"{{1000 + i}}","name":"U{{i}}","username":"u{{i}}"}"""));
        _api.On("GET", $"/2/tweets/{post}/liking_users", ScriptedResponse.Json(200, $$$"""{"data":[{{{users}}}],"meta":{"result_count":100}}"""));

        var likers = await Reader.ReadAsync(post, TestContext.Current.CancellationToken);

        Assert.Equal(100, likers!.UserIds.Count);
        Assert.False(likers.Complete);
    }

    [Fact]
    public async Task Read_ADeletedPost_FailsTheRead_RatherThanListNoOne()
    {
        var post = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        _api.On("GET", $"/2/tweets/{post}/liking_users", ScriptedResponse.Json(200, $$"""
            {"errors":[{"value":"{{post}}","detail":"Could not find tweet with id: [{{post}}].","title":"Not Found Error","resource_type":"tweet","parameter":"id","resource_id":"{{post}}","type":"https://api.twitter.com/2/problems/resource-not-found"}]}
            """));

        var error = await Assert.ThrowsAsync<XClientException>(() => Reader.ReadAsync(post, TestContext.Current.CancellationToken));

        Assert.Contains("Could not find tweet", error.Message, StringComparison.Ordinal);
        Assert.True(Reader.Available);
    }

    [Fact]
    public async Task Read_RefusedWith403_IsUnknown_AndNeverAskedAgain()
    {
        var first = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        _api.On("GET", $"/2/tweets/{first}/liking_users", ScriptedResponse.Json(403, """
            {"client_id":"101","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.","registration_url":"https://developer.twitter.com/en/docs/projects/overview","title":"Client Forbidden","required_enrollment":"Appropriate Level of API Access","reason":"client-not-enrolled","type":"https://api.twitter.com/2/problems/client-forbidden"}
            """));
        var token = TestContext.Current.CancellationToken;

        Assert.Null(await Reader.ReadAsync(first, token));
        Assert.False(Reader.Available);
        Assert.Null(await Reader.ReadAsync(ApiHost.TweetIdPosted(TimeSpan.FromHours(51)), token));

        Assert.Single(_api.Requests);
        Assert.Contains(_host.Logs, line => line.StartsWith("3122 ", StringComparison.Ordinal) && line.Contains("client-not-enrolled", StringComparison.Ordinal));
    }
}
