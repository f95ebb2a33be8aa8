using FollowerLoop.X;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Browser.Tests.Api;

/// <summary>The likers of an own post (<c>GET /2/tweets/:id/liking_users</c>) against the documented answers, page by page.</summary>
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
    public async Task Read_FollowsTheNextTokens_UntilTheLastPage()
    {
        var post = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        _api.On(
            "GET",
            $"/2/tweets/{post}/liking_users",
            ScriptedResponse.Json(200, """
                {"data":[{"id":"1065249714214457345","name":"Spaces","username":"TwitterSpaces"},{"id":"783214","name":"Twitter","username":"Twitter"}],
                 "meta":{"result_count":2,"next_token":"7140dibdnow9c7btw481s8m561gat797rboud5r80xvzm"}}
                """),
            ScriptedResponse.Json(200, """{"data":[{"id":"1526219545485316096","name":"Someone","username":"someone"}],"meta":{"result_count":1}}"""));

        var likers = await Reader.ReadAsync(post, 1000, TestContext.Current.CancellationToken);

        Assert.NotNull(likers);
        Assert.Equal((post, true), (likers.PostId, likers.Complete));
        Assert.Equal(["1065249714214457345", "783214", "1526219545485316096"], likers.UserIds);
        Assert.Equal(["100", "100"], _api.Requests.Select(r => r.Parameter("max_results")));
        Assert.Equal([null, "7140dibdnow9c7btw481s8m561gat797rboud5r80xvzm"], _api.Requests.Select(r => r.Parameter("pagination_token")));
    }

    [Fact]
    public async Task Read_StopsAtTheLimit_AndSaysTheListGoesOn()
    {
        var post = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        _api.On(
            "GET",
            $"/2/tweets/{post}/liking_users",
            ScriptedResponse.Json(200, """{"data":[{"id":"11","name":"A","username":"a"},{"id":"12","name":"B","username":"b"}],"meta":{"result_count":2,"next_token":"t1"}}"""),
            ScriptedResponse.Json(200, """{"data":[{"id":"13","name":"C","username":"c"}],"meta":{"result_count":1,"next_token":"t2"}}"""));

        var likers = await Reader.ReadAsync(post, 3, TestContext.Current.CancellationToken);

        Assert.Equal(["11", "12", "13"], likers!.UserIds);
        Assert.False(likers.Complete);
        Assert.Equal(["3", "1"], _api.Requests.Select(r => r.Parameter("max_results")));
    }

    [Fact]
    public async Task Read_RefusedWith403_IsUnknown_AndNeverAskedAgain()
    {
        var first = ApiHost.TweetIdPosted(TimeSpan.FromHours(50));
        _api.On("GET", $"/2/tweets/{first}/liking_users", ScriptedResponse.Json(403, """
            {"client_id":"101","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.","registration_url":"https://developer.twitter.com/en/docs/projects/overview","title":"Client Forbidden","required_enrollment":"Appropriate Level of API Access","reason":"client-not-enrolled","type":"https://api.twitter.com/2/problems/client-forbidden"}
            """));
        var token = TestContext.Current.CancellationToken;

        Assert.Null(await Reader.ReadAsync(first, 1000, token));
        Assert.False(Reader.Available);
        Assert.Null(await Reader.ReadAsync(ApiHost.TweetIdPosted(TimeSpan.FromHours(51)), 1000, token));

        Assert.Single(_api.Requests);
        Assert.Contains(_host.Logs, line => line.StartsWith("3122 ", StringComparison.Ordinal) && line.Contains("client-not-enrolled", StringComparison.Ordinal));
    }
}
