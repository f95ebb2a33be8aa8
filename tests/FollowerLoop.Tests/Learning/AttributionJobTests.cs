using FollowerLoop.Content;
using FollowerLoop.Learning;
using FollowerLoop.Sandbox;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Sandbox.World;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.X;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tests.Learning;

/// <summary>
/// Attribution on what tracking would have stored for sandbox posts (hourly snapshots, checkpoint metrics and
/// followers), compared with the sandbox's hidden truth.
/// </summary>
public sealed class AttributionJobTests
{
    private const string Handle = "fl_attr";
    private const int Posts = 24;
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="profileVisits">Whether the checkpoints stored the posts' profile visits, as API reads do.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_ThreeMethodsSideBySide_EngagementShareBeatsTheOverlapSharedBaseline(bool profileVisits)
    {
        var clock = new SteppedTimeProvider(Epoch);
        var world = SandboxWorld.Create(new SandboxOptions { Handle = Handle, AudienceSeed = 3, Clock = SandboxClockMode.Stepped, Epoch = Epoch }, clock);
        // A database each: the two runs publish the same posts.
        await using var db = new PostgresDatabase();
        await db.InitializeAsync();
        var tracked = await TrackAsync(db, world, clock, profileVisits);
        var log = new FakeLogger<AttributionJob>();

        await Job(db, clock, log).RunAsync(Ct);

        Assert.Contains(profileVisits ? "weighed by their profile visits" : "weighed by their views", log.LatestRecord.Message, StringComparison.Ordinal);

        var store = new AttributionStore(db.DataSource);
        var naiveErrors = new List<double>();
        var sharedErrors = new List<double>();
        var shareErrors = new List<double>();
        foreach (var post in tracked)
        {
            var rows = (await store.GetForPostAsync(post.Id, Ct)).ToDictionary(r => r.Method);
            var truth = world.TrueFollowerGain(post.Id).At48h;
            naiveErrors.Add(Math.Abs(rows[AttributionMethod.Naive].AttributedFollowers!.Value - truth));
            sharedErrors.Add(Math.Abs(rows[AttributionMethod.OverlapShared].AttributedFollowers!.Value - truth));
            shareErrors.Add(Math.Abs(rows[AttributionMethod.EngagementShare].AttributedFollowers!.Value - truth));
            Assert.Equal(post.PostedAt + TimeSpan.FromHours(48), rows[AttributionMethod.EngagementShare].WindowEnd);
        }

        var truthMean = tracked.Average(p => world.TrueFollowerGain(p.Id).At48h);
        Assert.True(shareErrors.Average() * 2 <= naiveErrors.Average(), $"share MAE {shareErrors.Average():0.0} vs naive {naiveErrors.Average():0.0}");
        // The fair baseline knows overlap too; engagement share must still do better (the bench asks for half, over 300 posts).
        Assert.True(shareErrors.Average() < sharedErrors.Average(), $"share MAE {shareErrors.Average():0.0} vs overlap-shared {sharedErrors.Average():0.0}");
        Assert.True(shareErrors.Average() < truthMean / 2, $"share MAE {shareErrors.Average():0.0} for posts gaining {truthMean:0.0} on average");
    }

    [Fact]
    public async Task Run_APostWhose48hCheckpointCameAfterTheLookback_StillGetsItsNaiveRow()
    {
        await using var db = new PostgresDatabase();
        await db.InitializeAsync();
        var now = Epoch.AddDays(30);
        var postedAt = now.AddDays(-20);
        var item = Samples.Content("Late checkpoint: the boring parts of shipping") with { Account = Handle };
        await new ContentStore(db.DataSource).EnqueueAsync(item, Ct);
        await new PostStore(db.DataSource).RecordPostedAsync(new PostRecord(item.DecisionId, "1900000000000000001", Handle, postedAt, postedAt), postedAt, Ct);
        var tracking = new TrackingStore(db.DataSource);
        foreach (var (phase, followers) in new[] { (CheckpointPhase.Baseline, 12_000L), (CheckpointPhase.Hours48, 12_031L) })
        {
            await tracking.UpsertFollowersAsync(
                new FollowerCheckpoint
                {
                    PostId = "1900000000000000001", Phase = phase.ToColumn(), Status = CheckpointStatus.Measured, Followers = followers, FollowersExact = true,
                    HoursAfterPost = phase.Offset().TotalHours, DueAt = postedAt + phase.Offset(), CheckedAt = now.AddDays(-1),
                },
                Ct);
        }

        await Job(db, new FakeTimeProvider(now), new FakeLogger<AttributionJob>()).RunAsync(Ct);

        var row = Assert.Single(await new AttributionStore(db.DataSource).GetForPostAsync("1900000000000000001", Ct));
        Assert.Equal((AttributionMethod.Naive, 31.0), (row.Method, row.AttributedFollowers));
        Assert.Equal(postedAt.AddHours(48), row.WindowEnd);
    }

    /// <summary>The job on the test's database, for the account, with no per-post follows from X.</summary>
    private static AttributionJob Job(PostgresDatabase db, TimeProvider clock, FakeLogger<AttributionJob> log) =>
        new(
            new AttributionSeries(new AttributionReader(db.DataSource), new AccountSnapshotStore(db.DataSource)),
            new AttributionStore(db.DataSource),
            new NoReportedFollows(),
            Options.Create(new AccountOptions { Handle = Handle }),
            clock,
            log);

    /// <summary>A post every 3 hours, then 49 hours more; every hour a snapshot, and each post's checkpoints when due.</summary>
    private static async Task<IReadOnlyList<SandboxPost>> TrackAsync(PostgresDatabase db, SandboxWorld world, SteppedTimeProvider clock, bool profileVisits)
    {
        var content = new ContentStore(db.DataSource);
        var posts = new PostStore(db.DataSource);
        var snapshots = new AccountSnapshotStore(db.DataSource);
        var tracking = new TrackingStore(db.DataSource);
        var candidates = await new TemplateGenerator(new Random(5)).GeneratePostsAsync(Posts, FormatMix.Even, Ct);
        var published = new List<SandboxPost>();
        for (var hour = 0; hour <= (3 * Posts) + 49; hour++)
        {
            clock.SetUtcNow(Epoch.AddHours(hour));
            var now = clock.GetUtcNow();
            if (hour % 3 == 1 && published.Count < Posts)
            {
                var candidate = candidates[published.Count];
                var item = Samples.Content(candidate.Text) with { Account = Handle, Format = candidate.Format, Topic = candidate.Topic, ContentHash = ContentHash.Of(Handle, candidate.Text) };
                await content.EnqueueAsync(item, Ct);
                var post = world.Publish(candidate.Text);
                await posts.RecordPostedAsync(new PostRecord(item.DecisionId, post.Id, Handle, post.PostedAt, now), now, Ct);
                published.Add(post);
            }

            await snapshots.UpsertAsync(new AccountSnapshot(Handle, now, world.GetFollowers(), true, 318, null), Ct);
            foreach (var post in published)
            {
                foreach (var phase in CheckpointPhases.All.Where(p => post.PostedAt + p.Offset() == now))
                {
                    var metrics = world.GetMetrics(post.Id);
                    var hours = (now - post.PostedAt).TotalHours;
                    await tracking.UpsertVelocityAsync(
                        new VelocityCheckpoint
                        {
                            PostId = post.Id, Phase = phase.ToColumn(), Status = CheckpointStatus.Measured, Likes = metrics.Likes, Retweets = metrics.Reposts,
                            Replies = metrics.Replies, Bookmarks = metrics.Bookmarks, Views = metrics.Views, HoursAfterPost = hours, DueAt = now, CheckedAt = now,
                        },
                        Ct);
                    await tracking.UpsertFollowersAsync(
                        new FollowerCheckpoint
                        {
                            PostId = post.Id, Phase = phase.ToColumn(), Status = CheckpointStatus.Measured, Followers = world.GetFollowers(), FollowersExact = true,
                            HoursAfterPost = hours, DueAt = now, CheckedAt = now,
                            ProfileViews = profileVisits ? world.Audience.ProfileClicksAt(post.Outcome, now - post.PostedAt) : null,
                        },
                        Ct);
                }
            }
        }

        return published;
    }
}
