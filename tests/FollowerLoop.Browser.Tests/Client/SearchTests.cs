using FollowerLoop.X;

namespace FollowerLoop.Browser.Tests.Client;

public sealed class SearchTests(BrowserFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task Search_FindsTheSandboxsRecentPostsNewestFirst()
    {
        var expected = Fixture.Sandbox.World.SearchRecent("", 5);
        var query = expected[0].Author.Handle;

        var found = await Fixture.CreateClient().SearchRecentAsync($"from:{query}", 3, TestContext.Current.CancellationToken);

        var truth = Fixture.Sandbox.World.SearchRecent($"from:{query}", 3);
        Assert.Equal(truth.Select(post => post.Id), found.Select(tweet => tweet.TweetId));
        Assert.All(found, tweet => Assert.Equal(query, tweet.Handle));
        Assert.Equal(truth.Select(post => post.Text), found.Select(tweet => tweet.Text));
        Assert.All(found, tweet => Assert.NotNull(tweet.PostedAt));
    }

    [Fact]
    public async Task Search_WithNoResults_IsEmpty()
    {
        var found = await Fixture.CreateClient().SearchRecentAsync("zzqqxxnothingmatches", 5, TestContext.Current.CancellationToken);

        Assert.Empty(found);
    }

    [Fact]
    public async Task Search_OfPostsDrawnWithEmojiImagesAndTcoLinks_GivesTheTextAsWritten()
    {
        const string Text = "Ship weekly 🚀 & measure: https://example.com/growth/weekly-notes-on-shipping 👇";
        var post = Fixture.Sandbox.World.Publish(Text);

        var found = await UnderFaultsAsync(
            () => Fixture.CreateClient().SearchRecentAsync($"from:{SandboxServer.Handle}", 5, TestContext.Current.CancellationToken),
            ("emoji", "/search"));

        Assert.Equal(Text, Assert.Single(found, tweet => tweet.TweetId == post.Id).Text);
    }

    [Fact]
    public async Task Search_ShowingSomethingWentWrong_IsARetryableError_NotNoResults()
    {
        var error = await Assert.ThrowsAsync<XClientException>(() => UnderFaultsAsync(
            () => Fixture.CreateClient().SearchRecentAsync($"from:{SandboxServer.Handle}", 5, TestContext.Current.CancellationToken),
            ("spaerror", "/search")));

        Assert.Equal((XErrorKind.Unavailable, true), (error.Kind, error.IsRetryable));
    }
}
