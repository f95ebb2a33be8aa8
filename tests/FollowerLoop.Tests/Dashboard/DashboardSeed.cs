using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
namespace FollowerLoop.Tests.Dashboard;

/// <summary>
/// Posts as the jobs leave them, for the pages that read them: each with its checkpoints (likes, views, the account's
/// followers), hourly snapshots around them, and attributions by the methods the Attribution job writes.
/// </summary>
internal static class DashboardSeed
{
    /// <summary>A post and what the jobs recorded about it; a null attribution was not written.</summary>
    public sealed record SeedPost(
        string Text, string Format, string Topic, TimeSpan Age, long FollowersAtPost, long Likes48h, long Views48h,
        double? Naive = null, double? Overlap = null, double? Share = null, double? Reported = null);

    /// <summary>Writes the posts (the phases due by <paramref name="now"/>) and hourly snapshots over the last three days; returns the posts' ids.</summary>
    public static async Task<IReadOnlyList<string>> PostsAsync(DashboardBrowser dashboard, DateTimeOffset now, IReadOnlyList<SeedPost> posts)
    {
        var store = new ContentStore(dashboard.Database.DataSource);
        var tracking = new TrackingStore(dashboard.Database.DataSource);
        var ids = new List<string>();
        foreach (var post in posts)
        {
            var postedAt = now - post.Age;
            var item = Samples.Content(post.Text) with
            {
                Account = DashboardBrowser.Account, Format = post.Format, Topic = post.Topic, ContentHash = $"hash-{Guid.NewGuid():N}", CreatedAt = postedAt,
            };
            Assert.True(await store.EnqueueAsync(item, TestContext.Current.CancellationToken));
            var record = new PostRecord(item.DecisionId, $"{Random.Shared.NextInt64(1_000_000_000_000, 9_000_000_000_000)}", DashboardBrowser.Account, postedAt, null);
            await new PostStore(dashboard.Database.DataSource).RecordPostedAsync(record, postedAt, TestContext.Current.CancellationToken);
            ids.Add(record.TweetId);
            foreach (var phase in CheckpointPhases.All.Where(p => postedAt + p.Offset() <= now))
            {
                var at = postedAt + phase.Offset();
                var share = phase.Offset().TotalHours / 48;
                var likes = (long)Math.Round(post.Likes48h * share);
                await tracking.UpsertCheckpointAsync(
                    Samples.Velocity(record.TweetId, phase.ToColumn(), likes) with { Views = (long)Math.Round(post.Views48h * share), DueAt = at, CheckedAt = at },
                    Samples.Followers(record.TweetId, phase.ToColumn(), post.FollowersAtPost + (long)Math.Round(10 * share)) with { DueAt = at, CheckedAt = at },
                    TestContext.Current.CancellationToken);
            }

            foreach (var (method, value) in new[] { ("naive", post.Naive), ("overlap_shared", post.Overlap), ("engagement_share", post.Share), ("x_reported", post.Reported) })
            {
                if (value is not null)
                {
                    await dashboard.ExecuteAsync(
                        """
                        insert into post_attribution (post_id, method, attributed_followers, window_start, window_end, computed_at)
                        values (@post, @method, @value, @from, @to, @now)
                        """,
                        new { post = record.TweetId, method, value, from = postedAt, to = postedAt.AddHours(48), now });
                }
            }
        }

        for (var hours = 72; hours >= 1; hours--)
        {
            await dashboard.ExecuteAsync(
                "insert into account_snapshots (account, taken_at, followers, followers_exact) values (@account, @at, @followers, true)",
                new { account = DashboardBrowser.Account, at = now.AddHours(-hours).AddMinutes(-7), followers = 1000 + ((72 - hours) * 3) + (hours % 5) });
        }

        return ids;
    }
}
