using FollowerLoop.X;

namespace FollowerLoop.Browser.Tests.Client;

public sealed class MetricsTests(BrowserFixture fixture) : SandboxTest(fixture)
{
    private const string GraphQlPath = "/i/api/graphql";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_MatchTheSandboxTruth()
    {
        var post = Fixture.SeasonedPost;

        var metrics = await Fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct);

        var truth = Fixture.Sandbox.World.GetMetrics(post.Id);
        Assert.True(truth.Likes > 0, "twelve hours in, the seasoned post has likes");
        Assert.Equal((SandboxServer.Handle, post.Id), (metrics.Handle, metrics.TweetId));
        Assert.Equal(
            (truth.Replies, truth.Reposts, truth.Likes, truth.Bookmarks, truth.Views),
            (metrics.Replies!.Value, metrics.Reposts!.Value, metrics.Likes!.Value, metrics.Bookmarks!.Value, metrics.Views!.Value));
    }

    [Fact]
    public async Task Metrics_WhenTheTweetDetailAnswerStallsAfterItsHeaders_AreThePagesCounts_NotAWaitUntilTheDeadline()
    {
        var post = Fixture.SeasonedPost;
        // Were the stalled body awaited, the read would end only at the operation's deadline, as an error.
        var client = Fixture.CreateClient(options => (options.ElementTimeout, options.OperationTimeout, options.LoginTimeout) =
            (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)));

        // The sandbox's query id for TweetDetail: the fault is queued by path prefix.
        var metrics = await UnderFaultsAsync(
            () => client.GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct),
            ("stalled", $"{GraphQlPath}/xOhkmRac04YFZmOzU9PJHg/TweetDetail"));

        var truth = Fixture.Sandbox.World.GetMetrics(post.Id);
        Assert.Equal(post.Id, metrics.TweetId);
        Assert.Equal((truth.Replies, truth.Reposts, truth.Likes), (metrics.Replies, metrics.Reposts, metrics.Likes));
    }

    [Fact]
    public async Task Metrics_OfAReplyInAThread_AreTheReplysNotItsParents()
    {
        var reply = Fixture.SeasonedReply;

        var metrics = await Fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, reply.Id, Ct);

        var truth = Fixture.Sandbox.World.GetMetrics(reply.Id);
        Assert.Equal(reply.Id, metrics.TweetId);
        Assert.Equal((truth.Likes, truth.Views), (metrics.Likes!.Value, metrics.Views!.Value));
        Assert.NotEqual(Fixture.Sandbox.World.GetMetrics(Fixture.SeasonedPost.Id).Likes, metrics.Likes);
    }

    [Fact]
    public async Task Metrics_PageWithoutActionBar_AreTheExactCountsOfThePagesTweetDetailCall()
    {
        var post = Fixture.SeasonedPost;

        var metrics = await ReadUnderFaultsAsync(post.Id, ("missing", StatusPath(post.Id)));

        // The labels are gone (as a page in a language the parser does not know would be), the JSON is not.
        Assert.Equal(Truth(post.Id), Counts(metrics));
    }

    [Fact]
    public async Task Metrics_WithoutActionBarOrTweetDetail_ReadAsUnknownNotZero()
    {
        var post = Fixture.SeasonedPost;

        var metrics = await ReadUnderFaultsAsync(post.Id, ("missing", StatusPath(post.Id)), ("error", GraphQlPath));

        Assert.Equal(post.Id, metrics.TweetId);
        Assert.Equal<long?[]>([null, null, null, null, null], Counts(metrics));
    }

    [Fact]
    public async Task Metrics_OfASpanishInterface_AreExactFromTweetDetail_OrUnknownWithoutIt_NeverZero()
    {
        var post = Fixture.SeasonedPost;

        var withJson = await ReadUnderFaultsAsync(post.Id, ("spanish", StatusPath(post.Id)));
        var withoutJson = await ReadUnderFaultsAsync(post.Id, ("spanish", StatusPath(post.Id)), ("error", GraphQlPath));

        Assert.Equal(Truth(post.Id), Counts(withJson));
        // "3 respuestas, 37 Me gusta": an English reader would have taken the absent bookmarks for 0.
        Assert.Equal<long?[]>([null, null, null, null, null], Counts(withoutJson));
    }

    [Fact]
    public async Task Metrics_OfAGermanInterface_AreExactFromTweetDetail_OrUnknownWithoutIt_NeverZero()
    {
        var post = Fixture.SeasonedPost;

        var withJson = await ReadUnderFaultsAsync(post.Id, ("german", StatusPath(post.Id)));
        var withoutJson = await ReadUnderFaultsAsync(post.Id, ("german", StatusPath(post.Id)), ("error", GraphQlPath));

        Assert.Equal(Truth(post.Id), Counts(withJson));
        // "1.234 Mal angezeigt", "37 „Gefällt mir“-Angaben": a dot that groups thousands and words the parser does not read.
        Assert.Equal<long?[]>([null, null, null, null, null], Counts(withoutJson));
    }

    [Fact]
    public async Task Metrics_PageSlowerThanTheTimeout_IsARetryableTimeout()
    {
        var post = Fixture.SeasonedPost;
        await Fixture.Sandbox.QueueFaultAsync("slow", StatusPath(post.Id));
        var impatient = Fixture.CreateClient(options => options.NavigationTimeout = SandboxServer.SlowFault / 3);

        var error = await Assert.ThrowsAsync<XClientException>(() => impatient.GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct));

        Assert.True(error.IsRetryable);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AReadPastItsWholeDeadline_IsARetryableTimeout_ThoughItsPageHasNotTimedOut()
    {
        // A Chromium killed mid-read could leave a call that never answers: the operation's own deadline ends it.
        // Every request 1.5 s late (the page, then its TweetDetail call), each within its own timeout; 2 s for the whole read.
        var post = Fixture.SeasonedPost;
        var bounded = Fixture.CreateClient(options =>
        {
            options.OperationTimeout = TimeSpan.FromSeconds(1);
            options.LoginTimeout = TimeSpan.FromSeconds(1);
            options.NavigationTimeout = SandboxServer.SlowFault * 3;
            options.ElementTimeout = SandboxServer.SlowFault * 3;
        });

        var error = await Assert.ThrowsAsync<XClientException>(() =>
            UnderFaultsAsync(() => bounded.GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct), ("slow", "/")));

        Assert.True(error.IsRetryable);
        Assert.Contains("XClient:OperationTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_SlowPageWithinTheTimeout_IsRead()
    {
        var post = Fixture.SeasonedPost;
        await Fixture.Sandbox.QueueFaultAsync("slow", StatusPath(post.Id));

        var metrics = await Fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct);

        Assert.Equal(Fixture.Sandbox.World.GetMetrics(post.Id).Likes, metrics.Likes);
    }

    [Fact]
    public async Task Metrics_RateLimited_IsRetryableWithTheAdvertisedWait()
    {
        var post = Fixture.SeasonedPost;
        await Fixture.Sandbox.QueueFaultAsync("ratelimit", StatusPath(post.Id));

        var error = await Assert.ThrowsAsync<XClientException>(() => Fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct));

        Assert.True(error.IsRetryable);
        Assert.Equal(SandboxServer.RateLimitWait, error.RetryAfter);
    }

    [Fact]
    public async Task Metrics_ServerError_IsRetryable()
    {
        var post = Fixture.SeasonedPost;
        await Fixture.Sandbox.QueueFaultAsync("error", StatusPath(post.Id));

        var error = await Assert.ThrowsAsync<XClientException>(() => Fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, post.Id, Ct));

        Assert.True(error.IsRetryable);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task Metrics_OfAPostThatDoesNotExist_FailWithoutRetry()
    {
        var error = await Assert.ThrowsAsync<XClientException>(() =>
            Fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, "1999999999999999999", Ct));

        Assert.False(error.IsRetryable);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_Cancelled_StopsTheRead()
    {
        var post = Fixture.SeasonedPost;
        await Fixture.Sandbox.QueueFaultAsync("slow", StatusPath(post.Id));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancellation.CancelAfter(SandboxServer.SlowFault / 3);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, post.Id, cancellation.Token));
    }

    [Theory]
    [InlineData("../admin", "1")]
    [InlineData("@fl_browser", "1")]
    [InlineData("fl_browser", "12?x=1")]
    public void Metrics_HandleOrIdNotShapedLikeX_AreRefusedAsBadArgumentsAtOnce(string handle, string tweetId) =>
        Assert.Throws<ArgumentException>(() => { _ = Fixture.CreateClient().GetTweetMetricsAsync(handle, tweetId, Ct); });

    private static string StatusPath(string id) => $"/{SandboxServer.Handle}/status/{id}";

    private static long?[] Counts(TweetMetrics metrics) => [metrics.Replies, metrics.Reposts, metrics.Likes, metrics.Bookmarks, metrics.Views];

    private long?[] Truth(string postId)
    {
        var truth = Fixture.Sandbox.World.GetMetrics(postId);
        return [truth.Replies, truth.Reposts, truth.Likes, truth.Bookmarks, truth.Views];
    }

    private Task<TweetMetrics> ReadUnderFaultsAsync(string postId, params (string Mode, string Path)[] faults) =>
        UnderFaultsAsync(() => Fixture.CreateClient().GetTweetMetricsAsync(SandboxServer.Handle, postId, Ct), faults);
}
