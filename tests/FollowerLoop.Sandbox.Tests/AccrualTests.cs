namespace FollowerLoop.Sandbox.Tests;

public sealed class AccrualTests
{
    [Fact]
    public void Counts_NeverDecrease_AndStopAt48Hours()
    {
        var (world, clock) = WorldFactory.Create(seed: 5);
        var posts = WorldFactory.PostAll(world, clock);
        var previous = posts.ToDictionary(post => post.Id, _ => Audience.XComEngagementCounts.Zero);
        var previousGain = posts.ToDictionary(post => post.Id, _ => 0L);

        for (var step = 0; step < 80; step++)
        {
            clock.Advance(TimeSpan.FromMinutes(45));
            foreach (var post in posts)
            {
                var counts = world.GetMetrics(post.Id);
                var last = previous[post.Id];
                Assert.True(counts.Replies >= last.Replies && counts.Reposts >= last.Reposts && counts.Likes >= last.Likes
                    && counts.Bookmarks >= last.Bookmarks && counts.Views >= last.Views, $"counts of {post.Id} went down: {last} -> {counts}");
                var gain = world.TrueFollowerGain(post.Id).SoFar;
                Assert.True(gain >= previousGain[post.Id]);
                previous[post.Id] = counts;
                previousGain[post.Id] = gain;
            }
        }

        Assert.All(posts, post => Assert.Equal(post.Outcome.Totals, world.GetMetrics(post.Id)));
        Assert.All(posts, post => Assert.Equal(post.Outcome.Follows, world.TrueFollowerGain(post.Id).SoFar));
    }

    [Fact]
    public void Engagement_IsFrontLoaded_AndFollowsLagBehind()
    {
        var (world, clock) = WorldFactory.Create();
        var post = world.Publish("10 tools I use every day for deep work:\n1. Calendar\n2. Timer\n3. Notebook");

        clock.Advance(TimeSpan.FromHours(4));
        var viewShare = world.GetMetrics(post.Id).Views / (double)post.Outcome.Totals.Views;
        var followShare = world.TrueFollowerGain(post.Id).SoFar / (double)Math.Max(1, post.Outcome.Follows);

        Assert.InRange(viewShare, 0.6, 0.9);
        Assert.True(followShare < viewShare, $"follows ({followShare:P0}) should lag views ({viewShare:P0})");
    }

    [Fact]
    public void Followers_AreTheStartPlusDriftPlusPostGains()
    {
        var (world, clock) = WorldFactory.Create();
        var noPosts = WorldFactory.Create().World;
        var posts = WorldFactory.PostAll(world, clock);
        clock.Advance(TimeSpan.FromHours(48));

        var fromPosts = posts.Sum(post => post.Outcome.Follows);

        Assert.Equal(noPosts.GetFollowers(clock.GetUtcNow()) + fromPosts, world.GetFollowers());
        Assert.NotEqual(12_400, noPosts.GetFollowers(clock.GetUtcNow()));
    }

    [Fact]
    public void Oracle_BeatsRandomChoiceClearly()
    {
        var (oracleWorld, oracleClock) = WorldFactory.Create(seed: 4);
        var (randomWorld, randomClock) = WorldFactory.Create(seed: 4);
        var random = new Random(11);
        for (var i = 0; i < 60; i++)
        {
            var candidates = WorldFactory.Texts.Select(text => $"{text} #{i}").ToList();
            oracleClock.Advance(TimeSpan.FromHours(3));
            randomClock.Advance(TimeSpan.FromHours(3));
            oracleWorld.Publish(oracleWorld.ChooseBest(candidates).Best!.Text);
            randomWorld.Publish(candidates[random.Next(candidates.Count)]);
        }

        var oracle = oracleWorld.GetPosts().Sum(post => post.Outcome.Follows);
        var chance = randomWorld.GetPosts().Sum(post => post.Outcome.Follows);

        Assert.True(oracle > chance * 1.3, $"oracle {oracle} vs random {chance}");
    }

    [Fact]
    public void Oracle_NeverPicksARefusedText()
    {
        var (world, clock) = WorldFactory.Create();
        var best = world.ChooseBest(WorldFactory.Texts);
        world.Publish(best.Best!.Text);
        clock.Advance(TimeSpan.FromHours(1));

        var again = world.ChooseBest([best.Best.Text, new string('x', 300)]);

        Assert.Null(again.BestIndex);
        Assert.Equal(187, again.Candidates[0].Rejection!.Code);
        Assert.Equal(186, again.Candidates[1].Rejection!.Code);
    }
}
