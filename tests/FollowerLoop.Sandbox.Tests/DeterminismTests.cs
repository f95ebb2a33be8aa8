namespace FollowerLoop.Sandbox.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void SameSeedAndSamePosts_GiveTheSameOutcomes()
    {
        var (first, firstClock) = WorldFactory.Create(seed: 3);
        var (second, secondClock) = WorldFactory.Create(seed: 3);

        var a = WorldFactory.PostAll(first, firstClock);
        var b = WorldFactory.PostAll(second, secondClock);
        firstClock.Advance(TimeSpan.FromHours(10));
        secondClock.Advance(TimeSpan.FromHours(10));

        Assert.Equal(a.Select(post => post.Id), b.Select(post => post.Id));
        Assert.Equal(a.Select(post => post.Outcome), b.Select(post => post.Outcome));
        Assert.Equal(a.Select(post => first.GetMetrics(post.Id)), b.Select(post => second.GetMetrics(post.Id)));
        Assert.Equal(first.GetFollowers(), second.GetFollowers());
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentAudiencesAndOutcomes()
    {
        var (first, firstClock) = WorldFactory.Create(seed: 1);
        var (second, secondClock) = WorldFactory.Create(seed: 2);

        var a = WorldFactory.PostAll(first, firstClock);
        var b = WorldFactory.PostAll(second, secondClock);

        Assert.NotEqual(first.Audience.Parameters.Format, second.Audience.Parameters.Format);
        Assert.NotEqual(a.Select(post => post.Outcome.Follows), b.Select(post => post.Outcome.Follows));
    }

    [Fact]
    public void Outcomes_DoNotDependOnTheOrderOfQuestions()
    {
        var (first, firstClock) = WorldFactory.Create();
        var (second, secondClock) = WorldFactory.Create();

        // The second world is asked about other things in between; the posts must fare the same.
        var a = WorldFactory.PostAll(first, firstClock);
        second.ChooseBest(WorldFactory.Texts);
        second.SearchRecent("ai", 10);
        second.GetFollowerSeries(WorldFactory.Epoch, WorldFactory.Epoch.AddDays(3), TimeSpan.FromHours(1));
        var b = WorldFactory.PostAll(second, secondClock);

        Assert.Equal(a.Select(post => post.Outcome), b.Select(post => post.Outcome));
    }

    [Fact]
    public void TheBestFormat_DiffersBetweenSeeds()
    {
        var best = Enumerable.Range(1, 8)
            .Select(seed => WorldFactory.Create(seed).World.Audience.Parameters.Format.MaxBy(pair => pair.Value).Key)
            .Distinct()
            .Count();

        Assert.True(best >= 3, $"only {best} distinct best formats across 8 seeds");
    }
}
