using System.Globalization;
using System.Net;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>
/// A post's likers as X lists them to its author: some of the people it brought (engagement.followersWhoLiked), some of
/// those its previous post brought (engagement.followersWhoLikedNext) and people who did not follow, as many in all as its
/// like count; the shares change nothing but who the likers are.
/// </summary>
public sealed class PostLikersTests
{
    private const string HalfLiked = """{ "engagement": { "followersWhoLiked": 0.5 } }""";
    private const string NoneLiked = """{ "engagement": { "followersWhoLiked": 0 } }""";
    private const string NextLiked = """{ "engagement": { "followersWhoLiked": 0, "followersWhoLikedNext": 0.5 } }""";

    [Fact]
    public void SomeOfThePeopleAPostBroughtLikedIt_AndStrangersMakeUpItsLikeCount()
    {
        var (world, clock) = WorldFactory.WithAudience(HalfLiked, seed: 3);
        var posts = WorldFactory.PostAll(world, clock, rounds: 2);
        clock.Advance(TimeSpan.FromDays(3));
        var (brought, likedFirst) = (0, 0);

        foreach (var post in posts)
        {
            var likers = world.GetLikingUsers(post.Id);
            var followers = world.TrueFollowersBroughtBy(post.Id).Select(h => h.Follower.UserId).ToHashSet(StringComparer.Ordinal);
            var everyFollower = world.GetFollowerList().Select(f => f.UserId).Concat(followers).ToHashSet(StringComparer.Ordinal);
            var followerLikers = likers.Count(liker => followers.Contains(liker.UserId));

            Assert.Equal(Math.Max(world.GetMetrics(post.Id).Likes, followerLikers), likers.Count);
            Assert.Equal(likers.Count, likers.Select(liker => liker.UserId).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(followerLikers, likers.Count(liker => everyFollower.Contains(liker.UserId)));
            Assert.Equal(likers.OrderByDescending(liker => long.Parse(liker.UserId, CultureInfo.InvariantCulture)), likers);
            Assert.Equal(followerLikers, world.TrueFollowersBroughtWhoLiked(post.Id));
            (brought, likedFirst) = (brought + followers.Count, likedFirst + followerLikers);
        }

        // 0.5 of the followers drawn: with 100 or more of them, a share outside 0.35–0.65 is a 1-in-1000 event.
        Assert.True(brought >= 100, $"the posts brought {brought} followers");
        Assert.InRange((double)likedFirst / brought, 0.35, 0.65);
    }

    [Fact]
    public void AtZero_NoFollowerLikedThePostThatBroughtThem()
    {
        var (world, clock) = WorldFactory.WithAudience(NoneLiked, seed: 3);
        var posts = WorldFactory.PostAll(world, clock);
        clock.Advance(TimeSpan.FromDays(3));

        foreach (var post in posts)
        {
            var followers = world.TrueFollowersBroughtBy(post.Id).Select(h => h.Follower.UserId).ToHashSet(StringComparer.Ordinal);
            var likers = world.GetLikingUsers(post.Id);
            Assert.Equal(world.GetMetrics(post.Id).Likes, likers.Count);
            Assert.DoesNotContain(likers, liker => followers.Contains(liker.UserId));
        }
    }

    [Theory]
    [InlineData(HalfLiked)]
    [InlineData(NextLiked)]
    public void TheShareChangesNoCountAndNoFollower(string audience)
    {
        var (plain, plainClock) = WorldFactory.WithAudience(NoneLiked, seed: 5);
        var (liked, likedClock) = WorldFactory.WithAudience(audience, seed: 5);
        var plainPosts = WorldFactory.PostAll(plain, plainClock);
        var likedPosts = WorldFactory.PostAll(liked, likedClock);
        plainClock.Advance(TimeSpan.FromDays(2));
        likedClock.Advance(TimeSpan.FromDays(2));
        _ = likedPosts.Select(post => liked.GetLikingUsers(post.Id)).ToList();

        Assert.Equal(plainPosts.Select(post => plain.GetMetrics(post.Id)), likedPosts.Select(post => liked.GetMetrics(post.Id)));
        Assert.Equal(plain.GetFollowerList(), liked.GetFollowerList());
    }

    [Fact]
    public void SomeOfThoseThePreviousPostBrought_FollowingAfterThisOneWentOut_LikedThisOneToo()
    {
        var (world, clock) = WorldFactory.WithAudience(NextLiked, seed: 3);
        var posts = WorldFactory.PostAll(world, clock, rounds: 2);
        clock.Advance(TimeSpan.FromDays(3));
        var (eligible, likedNext) = (0, 0);

        foreach (var (previous, post) in posts.Zip(posts.Skip(1)))
        {
            var likers = world.GetLikingUsers(post.Id).Select(liker => liker.UserId).ToHashSet(StringComparer.Ordinal);
            var broughtByPrevious = world.TrueFollowersBroughtBy(previous.Id).Select(h => h.Follower).ToList();
            var brought = world.TrueFollowersBroughtBy(post.Id).Select(h => h.Follower).ToList();
            var followers = brought.Concat(broughtByPrevious).Select(f => f.UserId).ToHashSet(StringComparer.Ordinal);

            // Only those who followed after this post went out can have liked it; none of its own (followersWhoLiked 0).
            Assert.DoesNotContain(broughtByPrevious, f => f.FollowedAt < post.PostedAt && likers.Contains(f.UserId));
            Assert.DoesNotContain(brought, f => likers.Contains(f.UserId));
            Assert.Equal(0, world.TrueFollowersBroughtWhoLiked(post.Id));
            Assert.Equal(Math.Max(world.GetMetrics(post.Id).Likes, likers.Count(followers.Contains)), likers.Count);
            eligible += broughtByPrevious.Count(f => f.FollowedAt >= post.PostedAt);
            likedNext += broughtByPrevious.Count(f => f.FollowedAt >= post.PostedAt && likers.Contains(f.UserId));
        }

        // 0.5 of the followers drawn: with 100 or more of them, a share outside 0.35–0.65 is a 1-in-1000 event.
        Assert.True(eligible >= 100, $"{eligible} followers came after the next post went out");
        Assert.InRange((double)likedNext / eligible, 0.35, 0.65);
        Assert.Empty(world.GetLikingUsers(posts[0].Id).Select(l => l.UserId).Intersect(world.GetFollowerList().Select(f => f.UserId)));
    }

    [Fact]
    public void LaterLikesAddToTheListAndMoveNoOne()
    {
        var (world, clock) = WorldFactory.WithAudience(HalfLiked, seed: 3);
        var post = world.Publish(WorldFactory.Texts[0]);
        clock.Advance(TimeSpan.FromHours(3));
        var early = world.GetLikingUsers(post.Id);
        clock.Advance(TimeSpan.FromHours(45));
        var late = world.GetLikingUsers(post.Id);

        Assert.True(late.Count > early.Count, $"{early.Count} likers at 3 hours, {late.Count} at 48");
        Assert.Subset(late.ToHashSet(), early.ToHashSet());
    }

    [Fact]
    public async Task TheApiPagesThroughEveryLikerOnce()
    {
        var file = Path.Combine(Path.GetTempPath(), $"audience-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, HalfLiked, TestContext.Current.CancellationToken);
        try
        {
            await using var sandbox = await SandboxHost.StartAsync(options => options.AudienceFile = file);
            var post = sandbox.World.Publish(WorldFactory.Texts[0]);
            sandbox.Clock.Advance(TimeSpan.FromDays(2));
            var expected = sandbox.World.GetListedLikingUsers(post.Id);
            var read = new List<string>();
            string? token = null;
            do
            {
                var (status, body) = await sandbox.SendApiAsync(HttpMethod.Get, $"/2/tweets/{post.Id}/liking_users?max_results=7{(token is null ? "" : $"&pagination_token={token}")}");
                Assert.Equal(HttpStatusCode.OK, status);
                var page = body["data"]!.AsArray();
                Assert.Equal(page.Count, body["meta"]!["result_count"]!.GetValue<int>());
                read.AddRange(page.Select(user => user!["id"]!.GetValue<string>()));
                Assert.All(page, user => Assert.False(string.IsNullOrEmpty(user!["username"]?.GetValue<string>())));
                token = body["meta"]!["next_token"]?.GetValue<string>();
            }
            while (token is not null);

            Assert.True(expected.Count > 7, $"{expected.Count} likers: one page");
            Assert.Equal(expected.Select(liker => liker.UserId), read);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task XListsAHundredAtMost_HowEverManyLikedIt()
    {
        var file = Path.Combine(Path.GetTempPath(), $"audience-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "account": { "initialFollowers": 400000 }, "engagement": { "followersWhoLiked": 0.5 } }""", TestContext.Current.CancellationToken);
        try
        {
            await using var sandbox = await SandboxHost.StartAsync(options => options.AudienceFile = file);
            var post = sandbox.World.Publish(WorldFactory.Texts[0]);
            sandbox.Clock.Advance(TimeSpan.FromDays(2));

            var (_, first) = await sandbox.SendApiAsync(HttpMethod.Get, $"/2/tweets/{post.Id}/liking_users?max_results=60");
            var (_, second) = await sandbox.SendApiAsync(HttpMethod.Get, $"/2/tweets/{post.Id}/liking_users?max_results=60&pagination_token={first["meta"]!["next_token"]}");

            var all = sandbox.World.GetLikingUsers(post.Id);
            Assert.True(all.Count > 150, $"{all.Count} likers");
            Assert.Equal(40, second["meta"]!["result_count"]!.GetValue<int>());
            Assert.Null(second["meta"]!["next_token"]);
            var listed = first["data"]!.AsArray().Concat(second["data"]!.AsArray()).Select(user => user!["id"]!.GetValue<string>());
            Assert.Equal(all.Take(SandboxWorld.LikersListedPerPost).Select(liker => liker.UserId), listed);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("max_results=0", HttpStatusCode.BadRequest)]
    [InlineData("max_results=101", HttpStatusCode.BadRequest)]
    [InlineData("pagination_token=nope", HttpStatusCode.BadRequest)]
    public async Task TheApiRefusesBadParameters(string query, HttpStatusCode expected)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var post = sandbox.World.Publish(WorldFactory.Texts[1]);

        var (status, _) = await sandbox.SendApiAsync(HttpMethod.Get, $"/2/tweets/{post.Id}/liking_users?{query}");

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task TheApiNamesAnUnknownPost()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var (status, body) = await sandbox.SendApiAsync(HttpMethod.Get, "/2/tweets/1234567890123/liking_users");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body["data"]);
        Assert.Equal("https://api.twitter.com/2/problems/resource-not-found", body["errors"]![0]!["type"]!.GetValue<string>());
    }
}
