using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Tracking;
using FollowerLoop.X.Browser;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Tests.Tracking;

/// <summary>The Analytics job in process, with the real browser client against the sandbox: many posts, one page.</summary>
public sealed class AnalyticsJobTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const int PostsInFlight = 30;
    private InProcessWorker _worker = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _worker = await InProcessWorker.StartAsync(db, new Dictionary<string, string?>());

    public ValueTask DisposeAsync() => _worker.DisposeAsync();

    [Fact]
    public async Task Analytics_With30PostsInFlight_FillsEveryPostsRowFromOneTimelineRead()
    {
        var posts = new List<PostRecord>();
        for (var n = 1; n <= PostsInFlight; n++)
        {
            posts.Add(await _worker.PostDirectlyAsync(db, $"Analytics post {n}: one page for many posts beats a page each."));
        }

        using var usage = new BrowserUsage(_worker.SandboxAddress);

        await _worker.Services.GetRequiredService<AnalyticsJob>().RunAsync(Ct);

        Assert.Equal(1, usage.PageLoads);
        var outcomes = new OutcomeStore(db.DataSource);
        foreach (var post in posts)
        {
            var row = await outcomes.GetByPostIdAsync(post.TweetId, Ct);
            Assert.NotNull(row);
            // Read after the run: the audience keeps engaging, so the row can only be behind the truth, never ahead.
            var truth = _worker.World.GetMetrics(post.TweetId);
            Assert.InRange(row.Views!.Value, 0, truth.Views);
            Assert.InRange(row.Likes!.Value, 0, truth.Likes);
        }
    }
}
