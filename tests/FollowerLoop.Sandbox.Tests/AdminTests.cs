using System.Net;
using System.Net.Http.Headers;

namespace FollowerLoop.Sandbox.Tests;

public sealed class AdminTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Admin_WithoutTheRightToken_Answers401(string? token)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/posts");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await sandbox.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Posts_ReportTheTrueFollowerGain()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var id = await sandbox.PostAsync("How to say no at work without burning bridges");
        sandbox.Clock.Advance(TimeSpan.FromHours(6));

        using var response = await sandbox.Client.SendAsync(sandbox.Admin(HttpMethod.Get, "/admin/posts"), TestContext.Current.CancellationToken);
        var post = (await SandboxHost.ReadJsonAsync(response))[0]!;

        var truth = sandbox.World.TrueFollowerGain(id);
        Assert.Equal(id, post["id"]!.GetValue<string>());
        Assert.Equal(truth.SoFar, post["trueFollowerGain"]!["soFar"]!.GetValue<long>());
        Assert.Equal(truth.At48h, post["trueFollowerGain"]!["at48h"]!.GetValue<long>());
        Assert.Equal("HowTo", post["features"]!["format"]!.GetValue<string>());
    }

    [Fact]
    public async Task Oracle_PicksTheCandidateWithTheHighestExpectedGain()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Client.SendAsync(
            sandbox.Admin(HttpMethod.Post, "/admin/oracle", new { candidates = WorldFactory.Texts, at = WorldFactory.Epoch.AddHours(18) }),
            TestContext.Current.CancellationToken);
        var json = await SandboxHost.ReadJsonAsync(response);

        var expected = sandbox.World.ChooseBest(WorldFactory.Texts, WorldFactory.Epoch.AddHours(18));
        Assert.Equal(expected.BestIndex, json["bestIndex"]!.GetValue<int>());
        var gains = json["candidates"]!.AsArray().Select(c => c!["expectedFollowerGain"]!.GetValue<double>()).ToList();
        Assert.Equal(gains.Max(), gains[expected.BestIndex!.Value]);
    }

    [Fact]
    public async Task Clock_AdvancesInSteppedMode_AndMovesMetrics()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        await sandbox.LogInAsync();
        var id = await sandbox.PostAsync("Three books that changed how I code");
        var before = sandbox.World.GetMetrics(id);

        using var response = await sandbox.Client.SendAsync(sandbox.Admin(HttpMethod.Post, "/admin/clock/advance", new { hours = 5 }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WorldFactory.Epoch.AddHours(5), sandbox.World.Clock.GetUtcNow());
        Assert.True(sandbox.World.GetMetrics(id).Views > before.Views);
    }

    [Fact]
    public async Task Clock_CannotBeMovedUnlessStepped()
    {
        await using var sandbox = await SandboxHost.StartAsync(options => options.Clock = SandboxClockMode.Accelerated);

        using var response = await sandbox.Client.SendAsync(sandbox.Admin(HttpMethod.Post, "/admin/clock/advance", new { hours = 1 }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task FollowerSeries_IsExactAndHourly()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        sandbox.Clock.Advance(TimeSpan.FromHours(10));

        using var response = await sandbox.Client.SendAsync(sandbox.Admin(HttpMethod.Get, "/admin/followers"), TestContext.Current.CancellationToken);
        var series = (await SandboxHost.ReadJsonAsync(response)).AsArray();

        Assert.Equal(11, series.Count);
        Assert.Equal(12_400, series[0]!["followers"]!.GetValue<long>());
        Assert.Equal(sandbox.World.GetFollowers(), series[^1]!["followers"]!.GetValue<long>());
    }

    [Fact]
    public async Task Features_ClassifiesAText()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        using var response = await sandbox.Client.SendAsync(sandbox.Admin(HttpMethod.Post, "/admin/features", new { text = "Hot take: unit tests are documentation." }), TestContext.Current.CancellationToken);
        var json = await SandboxHost.ReadJsonAsync(response);

        Assert.Equal("HotTake", json["format"]!.GetValue<string>());
        Assert.Equal("Coding", json["topic"]!.GetValue<string>());
    }
}
