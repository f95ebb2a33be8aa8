using System.Net;
using FollowerLoop.Sandbox.Web;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>Followers as individuals: always as many as the count, newest first, dated and kept as the draws say.</summary>
public sealed class FollowerRosterTests
{
    private const string HotTakesLeave = """{ "followers": { "leaveChance": { "hotTake": 0.6 }, "meanDaysBeforeLeaving": 2 } }""";

    [Theory]
    [InlineData("{}")]
    [InlineData(HotTakesLeave)]
    [InlineData("""{ "engagement": { "unfollowsPerView": { "hotTake": 0.002 } }, "organic": { "gainsPerHour": 3, "lossesPerHour": 2.5 } }""")]
    public void TheListHoldsExactlyTheCountedFollowers_AtEveryHour(string audience)
    {
        var (world, clock) = WorldFactory.WithAudience(audience);
        WorldFactory.PostAll(world, clock, rounds: 2);
        for (var hour = 0; hour < 24 * 4; hour++)
        {
            clock.Advance(TimeSpan.FromMinutes(61));
            var list = world.GetFollowerList();
            Assert.Equal(world.GetFollowers(), list.Count);
            Assert.Equal(list.Count, list.Select(f => f.UserId).Distinct(StringComparer.Ordinal).Count());
            Assert.True(list.Zip(list.Skip(1)).All(pair => pair.First.FollowedAt >= pair.Second.FollowedAt), "newest first");
        }
    }

    [Fact]
    public void APostsFollowersArriveWhenTheCountSaysAndTheOnesWhoLeaveAreGone()
    {
        var (world, clock) = WorldFactory.WithAudience(HotTakesLeave);
        var posts = WorldFactory.PostAll(world, clock);
        clock.Advance(TimeSpan.FromDays(20));
        var now = clock.GetUtcNow();
        var listed = world.GetFollowerList().Select(f => f.UserId).ToHashSet(StringComparer.Ordinal);

        foreach (var post in posts)
        {
            var brought = world.TrueFollowersBroughtBy(post.Id);
            Assert.Equal(post.Outcome.Follows, brought.Count);
            Assert.All(brought, history => Assert.Equal(post.Id, history.Follower.BroughtBy));
            var at6h = post.PostedAt.AddHours(6);
            Assert.Equal(world.Audience.FollowsAt(post.Outcome, TimeSpan.FromHours(6)), brought.Count(h => h.Follower.FollowedAt <= at6h));
            Assert.All(brought.Where(h => h.LeftAt is null), history => Assert.Contains(history.Follower.UserId, listed));
            Assert.All(brought.Where(h => h.Follower.LeavesAt is { } leaves && leaves <= now), history => Assert.Equal(history.Follower.LeavesAt, history.LeftAt));
        }

        var hotTake = posts.Single(post => post.Features.Format == Text.PostFormat.HotTake);
        var others = posts.Where(post => post.Features.Format != Text.PostFormat.HotTake).SelectMany(post => world.TrueFollowersBroughtBy(post.Id)).ToList();
        var hotTakeFollowers = world.TrueFollowersBroughtBy(hotTake.Id);
        Assert.True(hotTakeFollowers.Count >= 10, $"the hot take brought {hotTakeFollowers.Count} followers");
        Assert.True(Share(hotTakeFollowers, h => h.LeftAt is not null) > Share(others, h => h.LeftAt is not null) + 0.3);
    }

    [Fact]
    public void ListsAreTheSameWhateverWasAskedBefore()
    {
        var (first, firstClock) = WorldFactory.WithAudience(HotTakesLeave, seed: 4);
        var (second, secondClock) = WorldFactory.WithAudience(HotTakesLeave, seed: 4);
        WorldFactory.PostAll(first, firstClock);
        foreach (var text in WorldFactory.Texts)
        {
            secondClock.Advance(TimeSpan.FromHours(2));
            second.Publish(text);
            second.GetFollowerList();
        }

        firstClock.Advance(TimeSpan.FromDays(3));
        secondClock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(first.GetFollowerList().Select(f => f.UserId), second.GetFollowerList().Select(f => f.UserId));
    }

    [Fact]
    public void TheKeptShareTheOracleRanksBy_IsWhatTheRosterKeeps()
    {
        var (world, clock) = WorldFactory.WithAudience("""{ "account": { "initialFollowers": 60000 }, "followers": { "leaveChance": { "hotTake": 0.6 }, "meanDaysBeforeLeaving": 2 } }""");
        var hotTakes = Enumerable.Range(1, 12).Select(i =>
        {
            clock.Advance(TimeSpan.FromHours(4));
            return world.Publish($"Unpopular opinion: meetings number {i} are overrated. Most people would win more by doing less of them.");
        }).ToList();
        clock.Advance(TimeSpan.FromDays(10));
        var week = TimeSpan.FromDays(7);

        var brought = hotTakes.Sum(p => world.TrueFollowersBroughtBy(p.Id).Count);
        var kept = hotTakes.Sum(p => world.TrueFollowersKept(p.Id, week));
        var expected = world.Audience.StayShare(Text.PostFormat.HotTake, week);

        Assert.True(brought >= 100, $"{brought} followers brought");
        Assert.InRange(kept / (double)brought, expected - 0.08, expected + 0.08);
        var choice = world.ChooseBest(["Unpopular opinion: newsletters are overrated. Write less, ship more.", "5 habits that compound:\n\n1. Sleep\n2. Reading\n3. Walking"], keptFor: week);
        Assert.True(choice.Candidates[0].ExpectedFollowerGain < world.ChooseBest([choice.Candidates[0].Text]).Candidates[0].ExpectedFollowerGain * (expected + 0.05));
    }

    [Fact]
    public void TheBenchsFollowersProfile_LoadsAndItsHotTakesKeepFewFollowers()
    {
        var (world, clock) = WorldFactory.Create(audienceFile: Path.Combine(BenchAudiencesTests.Folder("followers"), "hot-takes-leave.json"));
        WorldFactory.PostAll(world, clock);
        clock.Advance(TimeSpan.FromDays(9));

        Assert.Equal(world.GetFollowers(), world.GetFollowerList().Count);
        Assert.True(world.Audience.StayShare(Text.PostFormat.HotTake, TimeSpan.FromDays(7)) < world.Audience.StayShare(Text.PostFormat.List, TimeSpan.FromDays(7)) - 0.5);
    }

    [Fact]
    public void BotLikeFollowersLookIt()
    {
        var (world, clock) = WorldFactory.WithAudience("""{ "followers": { "botShare": 0.5 } }""");
        WorldFactory.PostAll(world, clock);
        clock.Advance(TimeSpan.FromDays(2));
        var arrivals = world.GetFollowerList().Where(f => f.FollowedAt > WorldFactory.Epoch).ToList();

        var bots = arrivals.Where(f => f.IsBotLike).ToList();
        var people = arrivals.Where(f => !f.IsBotLike).ToList();
        Assert.InRange(Share(arrivals, f => f.IsBotLike), 0.35, 0.65);
        Assert.All(bots, bot => Assert.True(bot.FollowedAt - bot.Facts.CreatedAt < TimeSpan.FromDays(91) && bot.Facts.FollowingCount >= 800));
        Assert.True(Share(bots, f => f.Facts.DefaultProfileImage) > Share(people, f => f.Facts.DefaultProfileImage) + 0.5);
    }

    [Fact]
    public void AProfileWhoseFollowersLeaveIsRefusedWithClearErrorsWhenOutOfRange()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            WorldFactory.WithAudience("""{ "followers": { "botShare": 2, "leaveChance": { "rant": 0.5, "hotTake": -1 }, "meanDaysBeforeLeaving": 0 } }"""));

        Assert.Contains("followers.botShare must be between 0 and 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("followers.leaveChance has unknown name 'rant'", error.Message, StringComparison.Ordinal);
        Assert.Contains("followers.leaveChance.hotTake must be between 0 and 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("followers.meanDaysBeforeLeaving must be greater than 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiListsFollowersNewestFirstInPagesThatDoNotShift()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        sandbox.World.Publish("Unpopular opinion: most productivity advice is procrastination with extra steps.");
        sandbox.Clock.Advance(TimeSpan.FromHours(12));
        var expected = sandbox.World.GetFollowerList();
        var path = $"/2/users/{WorldViews.RestIdOf(sandbox.Handle)}/followers?max_results=50&user.fields=created_at,description,profile_image_url,protected,public_metrics,verified";

        var (status, first) = await sandbox.SendApiAsync(HttpMethod.Get, path);
        sandbox.Clock.Advance(TimeSpan.FromHours(3));
        var (_, second) = await sandbox.SendApiAsync(HttpMethod.Get, $"{path}&pagination_token={first["meta"]!["next_token"]}");

        Assert.Equal(HttpStatusCode.OK, status);
        var ids = first["data"]!.AsArray().Concat(second["data"]!.AsArray()).Select(user => user!["id"]!.GetValue<string>());
        Assert.Equal(expected.Take(100).Select(f => f.UserId), ids);
        var newest = first["data"]![0]!;
        var facts = expected[0].Facts;
        Assert.Equal(expected[0].Handle, newest["username"]!.GetValue<string>());
        Assert.Equal(facts.FollowingCount, newest["public_metrics"]!["following_count"]!.GetValue<long>());
        Assert.Equal(facts.DefaultProfileImage, newest["profile_image_url"]!.GetValue<string>().Contains("default_profile_images", StringComparison.Ordinal));
        Assert.Equal(facts.CreatedAt.UtcDateTime, newest["created_at"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        var (badStatus, _) = await sandbox.SendApiAsync(HttpMethod.Get, $"{path}&pagination_token=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
    }

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? 0 : items.Count(predicate) / (double)items.Count;
}
