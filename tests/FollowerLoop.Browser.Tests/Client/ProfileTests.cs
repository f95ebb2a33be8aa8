using FollowerLoop.X;

namespace FollowerLoop.Browser.Tests.Client;

public sealed class ProfileTests(BrowserFixture fixture) : SandboxTest(fixture)
{
    private const string UserByScreenNamePath = "/i/api/graphql/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Profile_HasTheExactCountsOfTheUserResponse()
    {
        var profile = await Fixture.CreateClient().GetProfileAsync(SandboxServer.Handle, Ct);

        var world = Fixture.Sandbox.World;
        Assert.Equal(SandboxServer.Handle, profile.Handle);
        Assert.Equal(world.GetFollowers(), profile.Followers);
        Assert.True(profile.FollowersExact);
        Assert.Equal(world.Account.Following, profile.Following);
    }

    [Fact]
    public async Task Profile_WithoutTheUserResponse_HasThePagesRoundedCounts()
    {
        await Fixture.Sandbox.QueueFaultAsync("error", UserByScreenNamePath);

        var profile = await Fixture.CreateClient().GetProfileAsync(SandboxServer.Handle, Ct);

        // x.com shows 12,345 as "12.3K": truncated to a hundred.
        var truth = Fixture.Sandbox.World.GetFollowers();
        Assert.True(truth >= 10_000, "the sandbox account starts above 10K followers, where x.com rounds");
        Assert.False(profile.FollowersExact);
        Assert.Equal(truth / 100 * 100, profile.Followers);
        Assert.Equal(Fixture.Sandbox.World.Account.Following, profile.Following);
    }

    [Fact]
    public async Task Profile_OfASpanishInterface_HasTheExactCountsOfTheUserResponse()
    {
        var profile = await ReadProfileUnderFaultsAsync(("spanish", $"/{SandboxServer.Handle}"));

        Assert.Equal((Fixture.Sandbox.World.GetFollowers(), true), (profile.Followers, profile.FollowersExact));
    }

    [Fact]
    public async Task Profile_OfASpanishInterface_WithoutTheUserResponse_ReadsUnknownNotAMisreadNumber()
    {
        var profile = await ReadProfileUnderFaultsAsync(("spanish", $"/{SandboxServer.Handle}"), ("error", UserByScreenNamePath));

        // "12,3 mil Seguidores" is not read as 12 or 12.3 thousand: unknown.
        Assert.Equal((null, null, false), (profile.Followers, profile.Following, profile.FollowersExact));
    }

    [Fact]
    public async Task Profile_OfAGermanInterface_WithoutTheUserResponse_ReadsUnknownNotAMisreadNumber()
    {
        var profile = await ReadProfileUnderFaultsAsync(("german", $"/{SandboxServer.Handle}"), ("error", UserByScreenNamePath));

        // "12.345 Follower": German groups thousands with a dot, under a word English also has.
        Assert.Equal((null, null, false), (profile.Followers, profile.Following, profile.FollowersExact));
    }

    [Fact]
    public async Task Profile_WithNoCountsShown_ReadsUnknownNotZero()
    {
        var profile = await ReadProfileUnderFaultsAsync(("missing", $"/{SandboxServer.Handle}"), ("error", UserByScreenNamePath));

        // The counts are hidden; the bio is still on the page.
        Assert.Equal(new ProfileStats(SandboxServer.Handle, null, null, FollowersExact: false, profile.ReadAt, profile.Bio), profile);
        Assert.Equal("Notes on building, learning and shipping. A FollowerLoop sandbox account.", profile.Bio);
    }

    [Fact]
    public async Task Profile_RateLimited_IsRetryableWithTheAdvertisedWait()
    {
        await Fixture.Sandbox.QueueFaultAsync("ratelimit", $"/{SandboxServer.Handle}");

        var error = await Assert.ThrowsAsync<XClientException>(() => Fixture.CreateClient().GetProfileAsync(SandboxServer.Handle, Ct));

        Assert.True(error.IsRetryable);
        Assert.Equal(SandboxServer.RateLimitWait, error.RetryAfter);
    }

    [Fact]
    public async Task Profile_OfAnotherAccount_IsRead()
    {
        var other = Fixture.Sandbox.World.SearchRecent("", 1)[0].Author;

        var profile = await Fixture.CreateClient().GetProfileAsync(other.Handle, Ct);

        Assert.Equal(other.Handle, profile.Handle, ignoreCase: true);
        Assert.NotNull(profile.Followers);
    }

    private Task<ProfileStats> ReadProfileUnderFaultsAsync(params (string Mode, string Path)[] faults) =>
        UnderFaultsAsync(() => Fixture.CreateClient().GetProfileAsync(SandboxServer.Handle, Ct), faults);
}
