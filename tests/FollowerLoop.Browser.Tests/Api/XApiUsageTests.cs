using Dapper;
using FollowerLoop.Harness;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.X.Usage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FollowerLoop.Browser.Tests.Api;

/// <summary>Every answered API call counted, priced and charged to its job in <c>x_api_usage</c> on the real Postgres.</summary>
public sealed class XApiUsageTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("followerloop-usage-");
    private readonly PostgresDatabase _db = new();
    private ScriptedXApi _api = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record UsageRow(string Account, DateOnly Day, string Job, string Endpoint, string Category, long Requests, long Resources, decimal CostUsd);

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        _api = await ScriptedXApi.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Calls_AreCountedByPriceCategoryAndJob_PerResource()
    {
        _api.On("POST", "/2/tweets", ScriptedResponse.Json(201, """{"data":{"id":"1445880548472328192","text":"t"}}"""));
        var own = Enumerable.Range(1, 3).Select(hours => ApiHost.TweetIdPosted(TimeSpan.FromHours(hours))).ToList();
        var posts = string.Join(",", own.Select(id => "{\"id\":\"" + id + "\",\"public_metrics\":{\"like_count\":1}}"));
        _api.On("GET", "/2/tweets", ScriptedResponse.Json(200, "{\"data\":[" + posts + "]}"));
        _api.On("GET", "/2/users/by/username/someone_else", ScriptedResponse.Json(200, """{"data":{"id":"6","username":"someone_else","public_metrics":{"followers_count":7,"following_count":1}}}"""));
        _api.On("GET", "/2/users/me", ScriptedResponse.Json(200, """{"data":{"id":"5","username":"fl_api","public_metrics":{"followers_count":70,"following_count":1}}}"""));
        _api.On("GET", "/2/users/5", ScriptedResponse.Json(200, """{"data":{"id":"5","username":"fl_api","public_metrics":{"followers_count":70,"following_count":1}}}"""));
        _api.On("GET", "/2/tweets/search/recent", ScriptedResponse.Json(400, """{"title":"Invalid Request","detail":"bad query","type":"about:blank","status":400}"""));
        using var host = Host(_db.DataSource);

        using (XUsageScope.Begin("posting"))
        {
            await host.Client.PostAsync("A plain post", Ct);
            await host.Client.PostAsync("Read this https://example.com/a", Ct);
        }

        using (XUsageScope.Begin("checkpoint"))
        {
            await Task.WhenAll(own.Select(id => host.Client.GetTweetMetricsAsync(ApiHost.Handle, id, Ct)));
            await host.Client.GetProfileAsync(ApiHost.Handle, Ct);
        }

        using (XUsageScope.Begin("reply"))
        {
            await Assert.ThrowsAnyAsync<FollowerLoop.X.XClientException>(() => host.Client.SearchRecentAsync("ai", 10, Ct));
        }

        await host.Client.GetProfileAsync("someone_else", Ct);

        var rows = (await RowsAsync()).ToDictionary(r => (r.Job, r.Endpoint, r.Category));
        Assert.All(rows.Values, r => Assert.Equal((ApiHost.Handle, DateOnly.FromDateTime(ApiHost.Start.UtcDateTime)), (r.Account, r.Day)));
        Assert.Equal((1, 1, 0.015m), Count(rows[("posting", "POST /2/tweets", "post_create")]));
        Assert.Equal((1, 1, 0.20m), Count(rows[("posting", "POST /2/tweets", "post_create_with_url")]));
        Assert.Equal((1, 3, 0.003m), Count(rows[("checkpoint", "GET /2/tweets", "own_data_read")]));
        Assert.Equal((1, 1, 0.001m), Count(rows[("checkpoint", "GET /2/users/me", "own_data_read")]));
        Assert.Equal((1, 1, 0.001m), Count(rows[("checkpoint", "GET /2/users/:id", "own_data_read")]));
        Assert.Equal((1, 0, 0m), Count(rows[("reply", "GET /2/tweets/search/recent", "post_read")]));
        Assert.Equal((1, 1, 0.010m), Count(rows[(XUsageScope.Other, "GET /2/users/by/username/:username", "user_read")]));
        Assert.Equal(7, rows.Count);
        Assert.Single(_api.RequestsTo("GET", "/2/tweets"));

        await host.Client.GetProfileAsync("someone_else", Ct);
        Assert.Equal((2, 2, 0.020m), Count((await RowsAsync()).Single(r => r.Category == "user_read")));
    }

    [Fact]
    public async Task RecordingFailure_IsLogged_AndTheCallSucceeds()
    {
        _api.On("POST", "/2/tweets", ScriptedResponse.Json(201, """{"data":{"id":"1445880548472328192","text":"t"}}"""));
        await using var deadDatabase = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Timeout=2");
        using var host = Host(deadDatabase);

        var posted = await host.Client.PostAsync("Posted whatever the database says", Ct);

        Assert.Equal("1445880548472328192", posted.TweetId);
        Assert.Contains(host.Logs, line => line.StartsWith("3111 Could not record the X API usage of POST /2/tweets", StringComparison.Ordinal));
    }

    private static (long Requests, long Resources, decimal CostUsd) Count(UsageRow row) => (row.Requests, row.Resources, row.CostUsd);

    private ApiHost Host(NpgsqlDataSource dataSource) =>
        new(_api.BaseAddress, Path.Combine(_directory.FullName, "token.json"), register: services => services.AddSingleton(new XApiUsageStore(dataSource)));

    private async Task<List<UsageRow>> RowsAsync()
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync(Ct);
        return (await connection.QueryAsync<UsageRow>(new CommandDefinition(
            "select account as Account, day as Day, job as Job, endpoint as Endpoint, category as Category, requests as Requests, resources as Resources, cost_usd as CostUsd from x_api_usage",
            cancellationToken: Ct))).AsList();
    }
}
