using FollowerLoop.X.Browser;

namespace FollowerLoop.Browser.Tests.Client;

/// <summary>Many of the account's posts read from one page: its timeline, scrolled as far as the oldest post wanted.</summary>
public sealed class TimelineTests(BrowserFixture fixture) : SandboxTest(fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecentMetrics_OfMorePostsThanOneScreen_ComeFromOnePageLoad_WithTheExactCounts()
    {
        var world = Fixture.Sandbox.World;
        var posts = Enumerable.Range(1, 25).Select(n => world.Publish($"Timeline post {n}: one page, many posts.")).ToList();
        await Fixture.Sandbox.AdvanceClockAsync(TimeSpan.FromHours(3));
        using var usage = new BrowserUsage(Fixture.Sandbox.BaseAddress);

        // The next screen comes after two calls (UserTweets, then its cells): more than the fixture's 300 ms under a loaded CI.
        var client = Fixture.CreateClient(options => options.SearchScrollTimeout = TimeSpan.FromSeconds(10));

        var read = await client.GetRecentMetricsAsync(SandboxServer.Handle, posts.Select(post => post.Id).ToList(), Ct);

        Assert.Equal(1, usage.PageLoads);
        Assert.Equal(posts.Select(post => post.Id).Order(), read.Select(metrics => metrics.TweetId).Order());
        Assert.All(read, metrics =>
        {
            var truth = world.GetMetrics(metrics.TweetId);
            Assert.Equal(
                (truth.Replies, truth.Reposts, truth.Likes, truth.Bookmarks, truth.Views),
                (metrics.Replies!.Value, metrics.Reposts!.Value, metrics.Likes!.Value, metrics.Bookmarks!.Value, metrics.Views!.Value));
        });
    }

    [Fact]
    public async Task RecentMetrics_WhenTheUserTweetsAnswerStallsAfterItsHeaders_AreThePagesCounts_NotAWaitUntilTheDeadline()
    {
        var world = Fixture.Sandbox.World;
        var posts = Enumerable.Range(1, 3).Select(n => world.Publish($"Stalled answer {n}: the page still shows it.")).ToList();
        await Fixture.Sandbox.AdvanceClockAsync(TimeSpan.FromHours(2));
        // Were the stalled body awaited, the read would end only at the operation's deadline, as an error.
        var client = Fixture.CreateClient(options => (options.ElementTimeout, options.OperationTimeout, options.LoginTimeout, options.SearchScrollTimeout) =
            (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));

        // The sandbox's query id for UserTweets: the fault is queued by path prefix.
        var read = await UnderFaultsAsync(
            () => client.GetRecentMetricsAsync(SandboxServer.Handle, posts.Select(post => post.Id).ToList(), Ct),
            ("stalled", "/i/api/graphql/E3opETHurmVJflFsUBVuUQ/UserTweets"));

        Assert.Equal(posts.Select(post => post.Id).Order(), read.Select(metrics => metrics.TweetId).Order());
        Assert.All(read, metrics => Assert.Equal(world.GetMetrics(metrics.TweetId).Likes, metrics.Likes));
    }

    [Fact]
    public async Task RecentMetrics_OfAReply_LeaveItOut_ForTheCallerToReadAlone()
    {
        // The fixture's sandbox is shared: posts other tests published sit above the seasoned one, a scroll or two down,
        // and the next screen can take more than the fixture's 300 ms (a quiet CI run once found none of it).
        var client = Fixture.CreateClient(options => options.SearchScrollTimeout = TimeSpan.FromSeconds(10));
        var read = await client.GetRecentMetricsAsync(SandboxServer.Handle, [Fixture.SeasonedPost.Id, Fixture.SeasonedReply.Id], Ct);

        // The Posts tab leaves replies out, as on x.com.
        Assert.Equal([Fixture.SeasonedPost.Id], read.Select(metrics => metrics.TweetId));
    }

    [Fact]
    public async Task MetricsReadsDueTogether_ShareOneTimelinePage_ForThoseThatWaitedForAReader()
    {
        var world = Fixture.Sandbox.World;
        var posts = Enumerable.Range(1, 6).Select(n => world.Publish($"Checkpoint due together {n}: one page for all.")).ToList();
        await Fixture.Sandbox.AdvanceClockAsync(TimeSpan.FromHours(2));
        var client = Fixture.CreateClient(options => (options.MaxPages, options.SearchScrollTimeout) = (1, TimeSpan.FromSeconds(10)));
        using var usage = new BrowserUsage(Fixture.Sandbox.BaseAddress);

        var read = await Task.WhenAll(posts.Select(post => client.GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct)));

        // The first read found the one reader free and went alone; the five that waited for it went as one timeline read.
        Assert.Equal(2, usage.PageLoads);
        Assert.Equal(posts.Select(post => post.Id), read.Select(metrics => metrics.TweetId));
        Assert.All(read, metrics => Assert.Equal(world.GetMetrics(metrics.TweetId).Likes, metrics.Likes));
    }
}
