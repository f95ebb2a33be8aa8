using FollowerLoop.Sandbox.World;
using FollowerLoop.X;

namespace FollowerLoop.Browser.Tests.Client;

/// <summary>The account's followers read from x.com's followers page (its Followers calls), against the sandbox's own list.</summary>
public sealed class FollowersTests(BrowserFixture fixture) : SandboxTest(fixture)
{
    private const string SmallAccount = """{"account":{"initialFollowers":60},"organic":{"gainsPerHour":0,"lossesPerHour":0},"followers":{"botShare":0.3}}""";

    // The sandbox page's Followers call (its query id), not the UserByScreenName call before it.
    private const string FollowersCallPath = "/i/api/graphql/OGScL-RC4DFMsRGOCjPR6g/Followers";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstPage_IsTheNewestFollowers_WithTheirFactsAsTheSandboxHasThem()
    {
        var reader = Fixture.CreateFollowersReader(Fixture.Sandbox);

        var page = await reader.ReadPageAsync(cursor: null, pageSize: 20, Ct);

        var truth = Fixture.Sandbox.World.GetFollowerList();
        Assert.Equal(truth.Take(20).Select(Expected), page.Followers);
        Assert.NotNull(page.NextCursor);
    }

    [Fact]
    public async Task NextCursor_WalksTheWholeList_WithoutGapsOrDuplicates_ThenIsNull()
    {
        var audience = Path.Combine(Path.GetTempPath(), $"audience-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(audience, SmallAccount, Ct);
        try
        {
            await using var sandbox = await SandboxServer.StartAsync(audience);
            var reader = Fixture.CreateFollowersReader(sandbox, options => options.StorageStatePath = Fixture.NewSessionPath());

            var read = new List<XFollower>();
            var pages = 0;
            string? cursor = null;
            do
            {
                var page = await reader.ReadPageAsync(cursor, pageSize: 20, Ct);
                read.AddRange(page.Followers);
                cursor = page.NextCursor;
                pages++;
            }
            while (cursor is not null && pages < 10);

            Assert.Equal(3, pages);
            Assert.Equal(sandbox.World.GetFollowerList().Select(Expected), read);
        }
        finally
        {
            File.Delete(audience);
        }
    }

    [Fact]
    public async Task AMalformedAnswer_IsAClearError_NotAnEmptyList()
    {
        var reader = Fixture.CreateFollowersReader(Fixture.Sandbox);

        // The sandbox's missing fault sends the users without their profile, as if x.com's schema changed.
        var error = await UnderFaultsAsync(
            () => Assert.ThrowsAsync<XClientException>(() => reader.ReadPageAsync(cursor: null, pageSize: 20, Ct)),
            ("missing", "/i/api/graphql/"));

        Assert.False(error.IsRetryable);
        Assert.Contains("Followers answer", error.Message, StringComparison.Ordinal);
        Assert.Contains("screen_name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedAnswer_SaysWhatXSaid()
    {
        var reader = Fixture.CreateFollowersReader(Fixture.Sandbox);

        var error = await UnderFaultsAsync(
            () => Assert.ThrowsAsync<XClientException>(() => reader.ReadPageAsync(cursor: null, pageSize: 20, Ct)),
            ("ratelimit", FollowersCallPath));

        Assert.Equal(XErrorKind.RateLimited, error.Kind);
        Assert.Equal(SandboxServer.RateLimitWait, error.RetryAfter);
    }

    // X's date format has whole seconds.
    private static XFollower Expected(SandboxFollower follower)
    {
        var facts = follower.Facts;
        var created = facts.CreatedAt.AddTicks(-(facts.CreatedAt.UtcTicks % TimeSpan.TicksPerSecond)).ToUniversalTime();
        return new XFollower(
            follower.UserId, follower.Handle, follower.DisplayName, created, facts.DefaultProfileImage, facts.Bio.Length > 0,
            facts.FollowersCount, facts.FollowingCount, facts.PostsCount, facts.Protected, facts.Verified);
    }
}
