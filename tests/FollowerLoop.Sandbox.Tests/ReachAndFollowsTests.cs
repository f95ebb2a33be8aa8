using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>The profile keys that change what appeal becomes: viral posts, lagging follows, unfollows.</summary>
public sealed class ReachAndFollowsTests
{
    private const string Viral = """{"appeal":{"viral":{"chance":0.25,"multiplier":10}}}""";
    private const string Unfollows = """{"engagement":{"unfollowsPerView":{"HotTake":0.02}}}""";

    [Fact]
    public void Viral_MultipliesTheReachOfTheChosenPostsOnly()
    {
        var viral = AudienceFactory.Model(Viral, seed: 5);
        var plain = AudienceFactory.Model(seed: 5);
        var features = AudienceFactory.Thread;
        var context = AudienceFactory.Alone(AudienceFactory.Noon) with { Followers = 200_000 };

        var chosen = 0;
        var (viralFollows, usualFollows) = (0L, 0L);
        for (var sequence = 1L; sequence <= 200; sequence++)
        {
            var outcome = viral.Draw(features, context, sequence);
            var usual = plain.Draw(features, context, sequence);
            if (outcome.Viral)
            {
                chosen++;
                Assert.InRange(outcome.Totals.Views / (double)usual.Totals.Views, 8, 12);
                viralFollows += outcome.Follows;
                usualFollows += usual.Follows;
            }
            else
            {
                Assert.Equal(usual, outcome);
            }

            Assert.Equal(outcome, viral.Draw(features, context, sequence));
        }

        Assert.InRange(chosen, 30, 70);
        Assert.InRange(viralFollows / (double)usualFollows, 8, 12);
        Assert.Equal(1 - 0.25 + (0.25 * 10), viral.ExpectedFollows(features, context) / plain.ExpectedFollows(features, context), 9);
    }

    [Fact]
    public void ExpectedNetGivenReach_IsWhatAPostsFollowsAndUnfollowsAreDrawnAround()
    {
        var model = AudienceFactory.Model("""{"engagement":{"unfollowsPerView":{"Thread":0.002}},"appeal":{"viral":{"chance":0.25,"multiplier":10}}}""", seed: 3);
        var features = AudienceFactory.Thread;
        var context = AudienceFactory.Alone(AudienceFactory.Noon) with { Followers = 20_000 };

        var draws = Enumerable.Range(1, 400).Select(sequence => model.Draw(features, context, sequence)).ToList();
        var residuals = draws.Select(d => d.NetFollows - model.ExpectedNetGivenReach(features, context, d)).ToList();

        // Unbiased on the viral draws and on the rest (only the Poisson draws are left): a missed multiplier would leave 90% of a viral post's follows.
        foreach (var viral in new[] { true, false })
        {
            var group = Enumerable.Range(0, draws.Count).Where(i => draws[i].Viral == viral).ToList();
            Assert.InRange(group.Sum(i => residuals[i]) / group.Sum(i => (double)draws[i].Follows + draws[i].Unfollows), -0.03, 0.03);
        }

        // It knows each post's luck, which the expectation before posting cannot: its error is a fraction of that one's.
        var ahead = model.ExpectedFollows(features, context);
        Assert.True(residuals.Average(Math.Abs) < 0.5 * draws.Average(d => Math.Abs(d.NetFollows - ahead)));
    }

    [Fact]
    public void FollowLag_DelaysFollows_WhichStillAllArriveBy48Hours()
    {
        var (world, clock) = WorldFactory.WithAudience("""{"account":{"initialFollowers":200000},"engagement":{"followLagHours":10}}""");
        var (usual, usualClock) = WorldFactory.WithAudience("""{"account":{"initialFollowers":200000}}""");
        var post = world.Publish("10 tools I use every day for deep work:\n1. Calendar\n2. Timer\n3. Notebook");
        var same = usual.Publish(post.Text);
        Assert.True(post.Outcome.Follows > 50, $"only {post.Outcome.Follows} follows");

        clock.Advance(TimeSpan.FromHours(9.9));
        usualClock.Advance(TimeSpan.FromHours(9.9));
        Assert.Equal(0, world.TrueFollowerGain(post.Id).SoFar);
        Assert.True(usual.TrueFollowerGain(same.Id).SoFar > 0);
        Assert.True(world.GetMetrics(post.Id).Views > 0);

        clock.Advance(TimeSpan.FromHours(10));
        usualClock.Advance(TimeSpan.FromHours(10));
        Assert.InRange(world.TrueFollowerGain(post.Id).SoFar, 1, usual.TrueFollowerGain(same.Id).SoFar - 1);

        clock.Advance(TimeSpan.FromHours(28.1));
        Assert.Equal(post.Outcome.Follows, world.TrueFollowerGain(post.Id).SoFar);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(7.5)]
    [InlineData(36.0)]
    public void FollowCurve_StartsAfterTheLag_NeverDecreases_AndEndsAtOne(double lagHours)
    {
        var lag = TimeSpan.FromHours(lagHours);
        var shares = Enumerable.Range(0, 49 * 4).Select(quarter => AccrualCurves.Follows(TimeSpan.FromHours(quarter / 4.0), 6, lag)).ToList();

        Assert.All(shares.Take((int)(lagHours * 4) + 1), share => Assert.Equal(0, share));
        Assert.All(shares.Zip(shares.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.Equal(1, shares[48 * 4]);
    }

    [Fact]
    public void UnfollowsPerView_CanMakeAPostsTrueGainNegative()
    {
        var (world, clock) = WorldFactory.WithAudience(Unfollows, seed: 2);
        var (noPosts, _) = WorldFactory.WithAudience(Unfollows, seed: 2);
        var hotTake = world.Publish("Unpopular opinion: newsletter growth is overrated");
        clock.Advance(TimeSpan.FromHours(3));
        var howTo = world.Publish("How to build a deep work habit in 2 weeks");
        clock.Advance(TimeSpan.FromHours(48));

        var lost = world.TrueFollowerGain(hotTake.Id);
        Assert.True(hotTake.Outcome.Unfollows > hotTake.Outcome.Follows, $"{hotTake.Outcome.Unfollows} unfollows, {hotTake.Outcome.Follows} follows");
        Assert.Equal(hotTake.Outcome.Follows - hotTake.Outcome.Unfollows, lost.At48h);
        Assert.True(lost.At48h < 0);
        Assert.Equal(lost.At48h, lost.SoFar);
        Assert.Equal(0, howTo.Outcome.Unfollows);
        Assert.Equal(howTo.Outcome.Follows, world.TrueFollowerGain(howTo.Id).At48h);
        Assert.Equal(noPosts.GetFollowers(clock.GetUtcNow()) + lost.At48h + howTo.Outcome.Follows, world.GetFollowers());
        Assert.True(world.ChooseBest([hotTake.Text + " (again)"]).Candidates[0].ExpectedFollowerGain < 0);
    }

    [Fact]
    public void Unfollows_AccrueOnTheFollowsCurve()
    {
        var (world, clock) = WorldFactory.WithAudience(Unfollows, seed: 2);
        var post = world.Publish("Unpopular opinion: newsletter growth is overrated");
        var model = world.Audience;

        foreach (var hours in new[] { 1, 4, 12, 30 })
        {
            clock.Advance(TimeSpan.FromHours(hours) - (clock.GetUtcNow() - post.PostedAt));
            var share = AccrualCurves.Follows(TimeSpan.FromHours(hours), model.Profile.Engagement.TimeConstantHours.Follows, TimeSpan.Zero);
            var expected = AccrualCurves.CountAt(post.Outcome.Follows, share) - AccrualCurves.CountAt(post.Outcome.Unfollows, share);
            Assert.Equal(expected, world.TrueFollowerGain(post.Id).SoFar);
        }
    }
}
