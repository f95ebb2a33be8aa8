using Dapper;
using FollowerLoop.Learning;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Worker.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Tests.Learning;

/// <summary>
/// X's own per-post follows (the sandbox's API gives them as Enterprise access would): the Attribution job stores them
/// as their own method and the training row takes them in place of the estimate.
/// </summary>
public sealed class ReportedFollowsTests
{
    // 48 virtual hours in about 5 seconds.
    private const double Factor = 36_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AttributionJob_StoresXsFollows_AndLearnTrainsOnThem()
    {
        await using var db = new PostgresDatabase();
        await db.InitializeAsync();
        await using var worker = await InProcessWorker.StartAsync(db, new Dictionary<string, string?>(), factor: Factor, api: true, postAnalytics: true);
        string[] texts =
        [
            "Reported follows: what I stopped doing to ship every week",
            "Reported follows: 3 habits that compound.\n\n1. Sleep\n2. Reading\n3. Walking",
            "Reported follows: the meeting that should have been a document",
        ];
        var posts = new List<PostRecord>();
        foreach (var text in texts)
        {
            posts.Add(await worker.PostDirectlyAsync(db, text));
        }

        await Eventually.TrueAsync(() => Task.FromResult(worker.World.Clock.GetUtcNow() - posts[^1].PostedAt > TimeSpan.FromHours(49)), TimeSpan.FromSeconds(60), "49 virtual hours");

        await worker.Services.GetRequiredService<AttributionJob>().RunAsync(Ct);
        await worker.Services.GetRequiredService<OutcomesJob>().RunAsync(Ct);

        var training = (await new TrainingStore(db.DataSource).GetAllAsync(InProcessWorker.Handle, Ct)).ToDictionary(r => r.PostId);
        foreach (var each in posts)
        {
            var gain = worker.World.TrueFollowerGain(each.TweetId).At48h;
            var reported = (await new AttributionStore(db.DataSource).GetForPostAsync(each.TweetId, Ct)).Single(r => r.Method == AttributionMethod.Reported);
            Assert.Equal(gain, reported.AttributedFollowers);
            Assert.Equal(each.PostedAt + TimeSpan.FromHours(48), reported.WindowEnd, TimeSpan.FromMilliseconds(1));
            // X's count is the truth: shown, and learned from in place of engagement share's due.
            Assert.Equal((gain, gain), (training[each.TweetId].AttributedFollowers, training[each.TweetId].LearnedFollowers));
        }

        // A small account's post may truly gain none; three all gaining none would leave the check above empty.
        Assert.Contains(posts, p => worker.World.TrueFollowerGain(p.TweetId).At48h != 0);
        var post = posts[0];
        var truth = worker.World.TrueFollowerGain(post.TweetId).At48h;

        // No follower series was tracked here, so the first post's estimates are set to known errors to check the report's sums.
        var now = worker.World.Clock.GetUtcNow();
        await new AttributionStore(db.DataSource).UpsertAsync(
            [
                new PostAttribution(post.TweetId, AttributionMethod.EngagementShare, truth + 3, post.PostedAt, post.PostedAt.AddHours(48), now),
                new PostAttribution(post.TweetId, AttributionMethod.OverlapShared, truth - 1.5, post.PostedAt, post.PostedAt.AddHours(48), now),
            ],
            Ct);
        var output = new StringWriter();
        // A window far wider than the posts' age: at 36,000× a real second is 10 virtual hours, and under a loaded full
        // run the jobs above took long enough for the first post to fall out of a 3-day window (counted 2, not 3).
        await ReportCommand.RunAsync(worker.Services, TimeSpan.FromDays(30), output, Ct, now);
        Assert.Contains("(X's counts for 3, engagement share for the rest)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("3 posts with follows reported by X; the estimates were off by (followers per post): engagement share 3.0, overlap-shared 1.5, naive n/a", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttributionJob_WhereXRefusesTheEndpoint_AsksOnceAndEstimates()
    {
        // A database of its own: the usage table below counts every analytics request made against it.
        await using var db = new PostgresDatabase();
        await db.InitializeAsync();
        await using var worker = await InProcessWorker.StartAsync(db, new Dictionary<string, string?>(), factor: Factor, api: true);
        var first = await worker.PostDirectlyAsync(db, "Refused analytics: the meeting that should have been a document");
        var second = await worker.PostDirectlyAsync(db, "Refused analytics: code review is a teaching tool");
        await Eventually.TrueAsync(() => Task.FromResult(worker.World.Clock.GetUtcNow() - second.PostedAt > TimeSpan.FromHours(49)), TimeSpan.FromSeconds(60), "49 virtual hours");
        var job = worker.Services.GetRequiredService<AttributionJob>();

        await job.RunAsync(Ct);
        await job.RunAsync(Ct);

        foreach (var post in new[] { first, second })
        {
            var methods = (await new AttributionStore(db.DataSource).GetForPostAsync(post.TweetId, Ct)).Select(r => r.Method);
            Assert.DoesNotContain(AttributionMethod.Reported, methods);
            Assert.Contains(AttributionMethod.EngagementShare, methods);
        }

        // Every request X answered, refused or not, is counted in the usage table.
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("select coalesce(sum(requests), 0)::bigint from x_api_usage where endpoint = 'GET /2/tweets/analytics'"));
    }
}
