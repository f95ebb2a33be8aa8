using FollowerLoop.X;

namespace FollowerLoop.Browser.Tests.Client;

public sealed class PostingTests(BrowserFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task Post_TypesSendsAndReturnsTheNewId()
    {
        var text = $"Shipping small, shipping daily: day {Guid.NewGuid():N}";

        var posted = await Fixture.CreateClient().PostAsync(text, TestContext.Current.CancellationToken);

        var truth = Fixture.Sandbox.World.FindPost(posted.TweetId);
        Assert.NotNull(truth);
        Assert.Equal(text, truth.Text);
        Assert.Null(truth.InReplyToId);
        Assert.Equal(SandboxServer.Handle, posted.Handle);
    }

    [Fact]
    public async Task Post_TextOverTheLimit_IsRefusedBeforeAnyPageIsOpened()
    {
        // Nothing to browse with: no session and no credentials. Any page use would fail differently.
        var client = Fixture.CreateClient(options => (options.StorageStatePath, options.Username, options.Password) = (Fixture.NewSessionPath(), null, null));
        var postsBefore = Fixture.Sandbox.World.GetPosts().Count;

        var error = await Assert.ThrowsAsync<XPostRejectedException>(() => client.PostAsync(new string('x', 281), TestContext.Current.CancellationToken));

        Assert.False(error.IsRetryable);
        Assert.StartsWith("Refused before posting", error.Message, StringComparison.Ordinal);
        Assert.Contains("281", error.Message, StringComparison.Ordinal);
        Assert.Equal(postsBefore, Fixture.Sandbox.World.GetPosts().Count);
    }

    [Fact]
    public async Task Post_SameTextTwice_SecondIsRefusedAsDuplicateWithoutRetry()
    {
        var client = Fixture.CreateClient();
        var text = $"Write the test first, then the code. {Guid.NewGuid():N}";
        var ct = TestContext.Current.CancellationToken;
        await client.PostAsync(text, ct);

        var error = await Assert.ThrowsAsync<XPostRejectedException>(() => client.PostAsync(text, ct));

        Assert.False(error.IsRetryable);
        Assert.Contains("duplicate", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("187", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_IsPostedUnderThePost()
    {
        var parent = Fixture.Sandbox.World.SearchRecent("", 1)[0];
        var text = $"Great point, thanks for sharing {Guid.NewGuid():N}";

        var reply = await Fixture.CreateClient().ReplyAsync(parent.Id, text, TestContext.Current.CancellationToken);

        var truth = Fixture.Sandbox.World.FindPost(reply.TweetId);
        Assert.NotNull(truth);
        Assert.Equal(parent.Id, truth.InReplyToId);
        Assert.Equal(text, truth.Text);
    }

    [Fact]
    public async Task Post_RateLimited_IsRetryableAfterTheAdvertisedWait()
    {
        await Fixture.Sandbox.QueueFaultAsync("ratelimit", "/i/api/graphql/");
        var postsBefore = Fixture.Sandbox.World.GetPosts().Count;

        var error = await Assert.ThrowsAsync<XClientException>(() =>
            Fixture.CreateClient().PostAsync($"Rate limits are a feature {Guid.NewGuid():N}", TestContext.Current.CancellationToken));

        Assert.True(error.IsRetryable);
        Assert.Equal(SandboxServer.RateLimitWait, error.RetryAfter);
        Assert.Equal(postsBefore, Fixture.Sandbox.World.GetPosts().Count);
    }

    [Fact]
    public async Task Post_WhoseCreateTweetAnswerStallsAfterItsHeaders_IsUnconfirmed_NotRetriedBlindly()
    {
        // The sandbox's query id for CreateTweet: the answer starts and never ends.
        await Fixture.Sandbox.QueueFaultAsync("stalled", "/i/api/graphql/a1p9RWpkYKBjWv_I3WzS-A/CreateTweet");
        // Were the stalled body awaited, the post would end only at the operation's deadline, as a retryable error.
        var client = Fixture.CreateClient(options => (options.PostTimeout, options.OperationTimeout, options.LoginTimeout) =
            (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<XClientException>(() =>
            client.PostAsync($"An answer that never ends {Guid.NewGuid():N}", TestContext.Current.CancellationToken));

        Assert.False(error.IsRetryable);
        Assert.Contains("may have been sent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ServerErrorOnCreateTweet_IsRetryable()
    {
        await Fixture.Sandbox.QueueFaultAsync("error", "/i/api/graphql/");

        var error = await Assert.ThrowsAsync<XClientException>(() =>
            Fixture.CreateClient().PostAsync($"Errors happen {Guid.NewGuid():N}", TestContext.Current.CancellationToken));

        Assert.True(error.IsRetryable);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
    }
}
