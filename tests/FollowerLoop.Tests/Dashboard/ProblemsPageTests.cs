using System.Globalization;
using FollowerLoop.Content;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Worker.Dashboard.Problems;
using FollowerLoop.Worker.Dashboard.Shared;

namespace FollowerLoop.Tests.Dashboard;

/// <summary>
/// /dashboard/problems at 1280×800 over what the jobs record when something goes wrong: a reply the guards refused, a
/// candidate Plan wrote and a thread part they refused, a post X refused for good, an attempt to retry, failed
/// checkpoints and a failed job run, in one list with times and reasons.
/// </summary>
public sealed class ProblemsPageTests(DashboardBrowser dashboard) : IClassFixture<DashboardBrowser>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Listed(string Kind, DateTimeOffset At, string Reason);

    [Fact]
    public async Task Problems_ListsEveryRefusalAndFailure_WithItsTimeAndReason_NewestFirst()
    {
        await SeedAsync();
        // What each table holds, written here independently of the page's query.
        var expected = await dashboard.QueryAsync<Listed>(
            """
            select * from (
                select 'refused' as Kind, updated_at as At, last_error as Reason from content_metadata where status = 'rejected' and last_error <> 'rejected by a person'
                union all select 'candidate_refused', refused_at, reason from refused_candidates
                union all select 'post_failed', updated_at, last_error from content_metadata where status = 'failed'
                union all select 'post_retry', updated_at, last_error from content_metadata where status = 'queued' and last_error is not null
                union all select 'checkpoint_failed', v.checked_at, 'metrics: ' || v.error from post_velocity_tracking v where v.status = 'failed'
                union all select 'job_failed', finished_at, split_part(error, E'\n', 1) from job_runs where result = 'failed') p
            order by At desc, Kind
            """);
        Assert.Equal(8, expected.Count);

        var page = await dashboard.OpenAsync("/dashboard/problems", "problems-1280");

        await DashboardBrowser.AssertFitsAsync(page, "[data-count]", "table.problems tbody td");
        foreach (var (kind, _, _) in ProblemKind.All)
        {
            Assert.Equal(expected.Count(e => e.Kind == kind).ToString(CultureInfo.InvariantCulture), await page.Locator($"[data-count={kind}]").InnerTextAsync());
        }

        var rows = page.Locator("table.problems tbody tr");
        Assert.Equal(expected.Select(e => e.Kind), await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind)"));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(Display.Time(expected[i].At), await rows.Nth(i).Locator("td").Nth(0).InnerTextAsync());
            Assert.Equal(expected[i].Reason, await rows.Nth(i).Locator("td").Nth(3).InnerTextAsync());
        }

        var candidates = page.Locator("tr[data-kind=candidate_refused]");
        Assert.StartsWith("plan candidate · yyy", await candidates.Nth(0).Locator("td").Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("thread part · Part one, again.", await candidates.Nth(1).Locator("td").Nth(2).InnerTextAsync(), StringComparison.Ordinal);
    }

    private async Task SeedAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var store = new ContentStore(dashboard.Database.DataSource);
        ContentItem Item(string text, int minutesAgo) => Samples.Content(text) with
        {
            Account = DashboardBrowser.Account, ContentHash = $"hash-{Guid.NewGuid():N}", CreatedAt = now.AddMinutes(-minutesAgo),
        };
        ContentItem Reply(string text, int minutesAgo, string reason) => Item(text, minutesAgo) with
        {
            Kind = ContentKind.Reply, Status = ContentStatus.Rejected, LastError = reason, ReplyToTweetId = "1234567890", ReplyToHandle = "reader", ReplyToKind = "mention",
        };

        Assert.True(await store.EnqueueAsync(Reply("Sure, see https://x.example", 50, "a reply may hold no link"), Ct));
        // A person's rejection is a decision, not a problem.
        Assert.True(await store.EnqueueAsync(Reply("Spaces, always.", 40, "rejected by a person"), Ct));
        Assert.True(await store.EnqueueAsync(Item("A post X refused for good.", 30) with { Status = ContentStatus.Failed, LastError = "X refused the post: HTTP 403 duplicate content" }, Ct));
        Assert.True(await store.EnqueueAsync(Item("A post to try again.", 20) with { LastError = "X answered HTTP 503" }, Ct));
        Assert.True(await store.EnqueueAsync(Item("A post that went out fine.", 10), Ct));
        await new RefusedCandidateStore(dashboard.Database.DataSource).RecordAsync(
            DashboardBrowser.Account, [new RefusedCandidate(new string('y', 290), "one_liner", "career", "The post text weighs 290 and x.com allows 280.")], now.AddMinutes(-25), Ct);
        await new RefusedCandidateStore(dashboard.Database.DataSource).RecordAsync(
            DashboardBrowser.Account, [new RefusedCandidate("Part one, again.", ContentLabels.Thread, "career", "part 3 of 4: repeats a recent post", ContentKind.ThreadPart)], now.AddMinutes(-27), Ct);

        var post = await Samples.PostedAsync(dashboard.Database, now.AddHours(-30));
        await dashboard.ExecuteAsync("update posted_decisions set account = @account where tweet_id = @id", new { account = DashboardBrowser.Account, id = post.TweetId });
        await dashboard.ExecuteAsync("update content_metadata set account = @account where decision_id = @id", new { account = DashboardBrowser.Account, id = post.DecisionId });
        var tracking = new TrackingStore(dashboard.Database.DataSource);
        foreach (var (phase, hours, error) in new[] { ("2h", 2, (string?)null), ("6h", 6, "HTTP 500 from x.com"), ("24h", 24, "the post's page did not load") })
        {
            var at = post.PostedAt.AddHours(hours);
            var failed = error is not null;
            await tracking.UpsertCheckpointAsync(
                Samples.Velocity(post.TweetId, phase, failed ? null : 12, failed ? CheckpointStatus.Failed : CheckpointStatus.Measured) with { DueAt = at, CheckedAt = at.AddMinutes(1), Error = error },
                Samples.Followers(post.TweetId, phase, 1000) with { DueAt = at, CheckedAt = at.AddMinutes(1) },
                Ct);
        }

        await dashboard.ExecuteAsync(
            """
            insert into job_runs (job, trigger, started_at, finished_at, duration_ms, result, error, host) values
                ('Analytics', 'schedule', @started, @finished, 1200, 'failed', E'Npgsql: connection refused\n   at Npgsql.NpgsqlConnection.Open()', 'test'),
                ('Analytics', 'schedule', @finished, @now, 900, 'succeeded', null, 'test')
            """,
            new { started = now.AddMinutes(-6), finished = now.AddMinutes(-5), now });
    }
}
