using Dapper;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;

namespace FollowerLoop.Tests.Storage;

/// <summary>Unknown is NULL from the scraper to the views; the views' gains are right or NULL, never invented.</summary>
public sealed class NullAndViewTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record FollowerRow(
        long? FollowersBefore, long? Followers2h, long? Followers6h, long? Followers12h, long? Followers24h, long? Followers48h,
        long? TotalFollowersGained, long? FollowersGained2h, long? FollowersGained24h);

    private sealed record VelocityRow(long? LikesBaseline, long? Likes2h, long? Likes6h, long? Likes24h, double? Velocity2h, double? Velocity2to6h, double? DecayRate);

    private async Task<FollowerRow> FollowerViewAsync(string postId)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        return await connection.QuerySingleAsync<FollowerRow>(
            """
            select followers_before as FollowersBefore, followers_2h as Followers2h, followers_6h as Followers6h,
                   followers_12h as Followers12h, followers_24h as Followers24h, followers_48h as Followers48h,
                   total_followers_gained as TotalFollowersGained, followers_gained_2h as FollowersGained2h,
                   followers_gained_24h as FollowersGained24h
            from follower_attribution where post_id = @postId
            """,
            new { postId });
    }

    private async Task<VelocityRow> VelocityViewAsync(string postId)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        return await connection.QuerySingleAsync<VelocityRow>(
            """
            select likes_baseline as LikesBaseline, likes_2h as Likes2h, likes_6h as Likes6h, likes_24h as Likes24h,
                   velocity_2h as Velocity2h, velocity_2to6h as Velocity2to6h, decay_rate as DecayRate
            from post_velocity_analysis where post_id = @postId
            """,
            new { postId });
    }

    [Fact]
    public async Task UnknownMetrics_StayNull_ThroughStoresAndViews()
    {
        var post = await Samples.PostedAsync(db);
        var tracking = new TrackingStore(db.DataSource);
        await tracking.UpsertVelocityAsync(Samples.Velocity(post.TweetId, "baseline", null), Ct);
        await tracking.UpsertFollowersAsync(Samples.Followers(post.TweetId, "baseline", null), Ct);
        await new OutcomeStore(db.DataSource).UpsertAsync(
            new UnifiedOutcome { DecisionId = post.DecisionId, PostId = post.TweetId, CollectionPhase = "live", CollectedAt = Samples.Start }, Ct);

        var velocity = Assert.Single(await tracking.GetVelocityAsync(post.TweetId, Ct));
        Assert.Null(velocity.Likes);
        Assert.Null(velocity.Views);
        Assert.Null(Assert.Single(await tracking.GetFollowersAsync(post.TweetId, Ct)).Followers);
        var outcome = await new OutcomeStore(db.DataSource).GetByPostIdAsync(post.TweetId, Ct);
        Assert.Null(outcome!.Likes);
        Assert.Null(outcome.EngagementRate);
        Assert.Null((await FollowerViewAsync(post.TweetId)).FollowersBefore);
        Assert.Null((await VelocityViewAsync(post.TweetId)).LikesBaseline);
    }

    [Fact]
    public async Task FollowerAttributionView_WithEveryPhase_GivesTheGains()
    {
        var post = await Samples.PostedAsync(db);
        var tracking = new TrackingStore(db.DataSource);
        (string Phase, long Followers)[] phases = [("baseline", 1000), ("2h", 1004), ("6h", 1010), ("12h", 1013), ("24h", 1020), ("48h", 1031)];
        foreach (var (phase, followers) in phases)
        {
            await tracking.UpsertFollowersAsync(Samples.Followers(post.TweetId, phase, followers), Ct);
        }

        var row = await FollowerViewAsync(post.TweetId);

        Assert.Equal(new FollowerRow(1000, 1004, 1010, 1013, 1020, 1031, 31, 4, 20), row);
    }

    [Fact]
    public async Task FollowerAttributionView_WithAMissingOrFailedPhase_GivesNullForTheGainsThatNeedIt()
    {
        var post = await Samples.PostedAsync(db);
        var tracking = new TrackingStore(db.DataSource);
        await tracking.UpsertFollowersAsync(Samples.Followers(post.TweetId, "baseline", 500), Ct);
        await tracking.UpsertFollowersAsync(Samples.Followers(post.TweetId, "2h", 503), Ct);
        await tracking.UpsertFollowersAsync(Samples.Followers(post.TweetId, "24h", null, CheckpointStatus.Failed), Ct);

        var row = await FollowerViewAsync(post.TweetId);

        Assert.Equal(3, row.FollowersGained2h);
        Assert.Null(row.Followers24h);
        Assert.Null(row.FollowersGained24h);
        Assert.Null(row.TotalFollowersGained);
    }

    [Fact]
    public async Task VelocityView_UsesTheHoursActuallyElapsed()
    {
        var post = await Samples.PostedAsync(db);
        var tracking = new TrackingStore(db.DataSource);
        await tracking.UpsertVelocityAsync(Samples.Velocity(post.TweetId, "baseline", 0, hours: 0), Ct);
        await tracking.UpsertVelocityAsync(Samples.Velocity(post.TweetId, "2h", 50, hours: 2.5), Ct);
        await tracking.UpsertVelocityAsync(Samples.Velocity(post.TweetId, "6h", 70, hours: 6.5), Ct);

        var row = await VelocityViewAsync(post.TweetId);

        Assert.Equal(20.0, row.Velocity2h!.Value, 6);
        Assert.Equal(5.0, row.Velocity2to6h!.Value, 6);
        Assert.Equal(0.25, row.DecayRate!.Value, 6);
        Assert.Null(row.Likes24h);
    }
}
