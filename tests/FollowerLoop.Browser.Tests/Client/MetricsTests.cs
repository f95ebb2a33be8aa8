using FollowerLoop.X;

namespace FollowerLoop.Browser.Tests.Client;

public sealed class MetricsTests(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_MatchTheSandboxTruth()
    {
        var post = fixture.SeasonedPost;

        var metrics = await fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct);

        var truth = fixture.Sandbox.World.GetMetrics(post.Id);
        Assert.True(truth.Likes > 0, "twelve hours in, the seasoned post has likes");
        Assert.Equal((SandboxServer.Handle, post.Id), (metrics.Handle, metrics.TweetId));
        Assert.Equal(
            (truth.Replies, truth.Reposts, truth.Likes, truth.Bookmarks, truth.Views),
            (metrics.Replies!.Value, metrics.Reposts!.Value, metrics.Likes!.Value, metrics.Bookmarks!.Value, metrics.Views!.Value));
    }

    [Fact]
    public async Task Metrics_OfAReplyInAThread_AreTheReplysNotItsParents()
    {
        var reply = fixture.SeasonedReply;

        var metrics = await fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, reply.Id, Ct);

        var truth = fixture.Sandbox.World.GetMetrics(reply.Id);
        Assert.Equal(reply.Id, metrics.TweetId);
        Assert.Equal((truth.Likes, truth.Views), (metrics.Likes!.Value, metrics.Views!.Value));
        Assert.NotEqual(fixture.Sandbox.World.GetMetrics(fixture.SeasonedPost.Id).Likes, metrics.Likes);
    }

    [Fact]
    public async Task Metrics_PageWithoutActionBar_ReadAsUnknownNotZero()
    {
        var post = fixture.SeasonedPost;
        // Every load of the page is faulted during the test (a reload must not see the action bar either);
        // the rest are dropped afterwards so that no later test meets them.
        await fixture.Sandbox.QueueFaultAsync("missing", StatusPath(post.Id), count: 20);
        TweetMetrics metrics;
        try
        {
            metrics = await fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct);
        }
        finally
        {
            await fixture.Sandbox.ClearFaultsAsync();
        }

        Assert.Equal(post.Id, metrics.TweetId);
        Assert.Equal<long?[]>([null, null, null, null, null], [metrics.Replies, metrics.Reposts, metrics.Likes, metrics.Bookmarks, metrics.Views]);
    }

    [Fact]
    public async Task Metrics_PageSlowerThanTheTimeout_IsARetryableTimeout()
    {
        var post = fixture.SeasonedPost;
        await fixture.Sandbox.QueueFaultAsync("slow", StatusPath(post.Id));
        var impatient = fixture.CreateClient(options => options.NavigationTimeout = SandboxServer.SlowFault / 3);

        var error = await Assert.ThrowsAsync<XClientException>(() => impatient.GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct));

        Assert.True(error.IsRetryable);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_SlowPageWithinTheTimeout_IsRead()
    {
        var post = fixture.SeasonedPost;
        await fixture.Sandbox.QueueFaultAsync("slow", StatusPath(post.Id));

        var metrics = await fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct);

        Assert.Equal(fixture.Sandbox.World.GetMetrics(post.Id).Likes, metrics.Likes);
    }

    [Fact]
    public async Task Metrics_RateLimited_IsRetryableWithTheAdvertisedWait()
    {
        var post = fixture.SeasonedPost;
        await fixture.Sandbox.QueueFaultAsync("ratelimit", StatusPath(post.Id));

        var error = await Assert.ThrowsAsync<XClientException>(() => fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct));

        Assert.True(error.IsRetryable);
        Assert.Equal(SandboxServer.RateLimitWait, error.RetryAfter);
    }

    [Fact]
    public async Task Metrics_ServerError_IsRetryable()
    {
        var post = fixture.SeasonedPost;
        await fixture.Sandbox.QueueFaultAsync("error", StatusPath(post.Id));

        var error = await Assert.ThrowsAsync<XClientException>(() => fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct));

        Assert.True(error.IsRetryable);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task Metrics_OfAPostThatDoesNotExist_FailWithoutRetry()
    {
        var error = await Assert.ThrowsAsync<XClientException>(() =>
            fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, "1999999999999999999", Ct));

        Assert.False(error.IsRetryable);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_Cancelled_StopsTheRead()
    {
        var post = fixture.SeasonedPost;
        await fixture.Sandbox.QueueFaultAsync("slow", StatusPath(post.Id));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancellation.CancelAfter(SandboxServer.SlowFault / 3);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, post.Id, cancellation.Token));
    }

    [Theory]
    [InlineData("../admin", "1")]
    [InlineData("@fl_browser", "1")]
    [InlineData("fl_browser", "12?x=1")]
    public void Metrics_HandleOrIdNotShapedLikeX_AreRefusedAsBadArgumentsAtOnce(string handle, string tweetId) =>
        Assert.Throws<ArgumentException>(() => { _ = fixture.CreateClient().GetTweetMetricsAsync(handle, tweetId, Ct); });

    private static string StatusPath(string id) => $"/{SandboxServer.Handle}/status/{id}";
}
