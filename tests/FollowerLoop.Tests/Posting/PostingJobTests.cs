using FollowerLoop.Posting;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Tests.Posting;

/// <summary>The Posting job in process against the sandbox: bad input is refused with a reason and nothing is posted twice.</summary>
public sealed class PostingJobTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private InProcessWorker _worker = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _worker = await InProcessWorker.StartAsync(db, new Dictionary<string, string?> { ["Posting:MinSpacing"] = "00:00:00" });

    public ValueTask DisposeAsync() => _worker.DisposeAsync();

    private async Task<ContentItem> QueueAsync(string text)
    {
        var item = Samples.Content(text, DateTimeOffset.UtcNow.AddMinutes(-1)) with { Account = InProcessWorker.Handle };
        await new ContentStore(db.DataSource).EnqueueAsync(item, Ct);
        return item;
    }

    private Task RunPostingAsync() => _worker.Services.GetRequiredService<PostingJob>().RunAsync(Ct);

    [Fact]
    public async Task Posting_TextXCallsADuplicate_FailsTheItemWithXsReasonAndPostsNothing()
    {
        const string Text = "Duplicate guard: the best growth hack is a newsletter people forward.";
        _worker.World.Publish(Text);
        var item = await QueueAsync(Text);

        await RunPostingAsync();

        var stored = await new ContentStore(db.DataSource).GetAsync(item.DecisionId, Ct);
        Assert.Equal(ContentStatus.Failed, stored!.Status);
        Assert.Contains("duplicate", stored.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Single(_worker.World.GetPosts(), p => p.Text == Text);
    }

    [Fact]
    public async Task Posting_OverLongText_IsRefusedBeforeTheBrowserWithTheReason()
    {
        var item = await QueueAsync(string.Concat(Enumerable.Repeat("Long posts lose readers. ", 15)));

        await RunPostingAsync();

        var stored = await new ContentStore(db.DataSource).GetAsync(item.DecisionId, Ct);
        Assert.Equal(ContentStatus.Failed, stored!.Status);
        Assert.Contains("280", stored.LastError, StringComparison.Ordinal);
        Assert.Equal(0, stored.Attempts);
    }

    [Fact]
    public async Task Posting_PostsWhatIsDue_RecordsTheTweetAndStartsTracking()
    {
        var item = await QueueAsync("Shipping beats planning: a small release every week compounds.");

        await RunPostingAsync();

        var post = (await new PostStore(db.DataSource).GetPostedSinceAsync(InProcessWorker.Handle, DateTimeOffset.MinValue, Ct))
            .Single(p => p.DecisionId == item.DecisionId);
        Assert.NotNull(_worker.World.FindPost(post.TweetId));
        Assert.NotNull(post.TrackingScheduledAt);
        Assert.Equal(ContentStatus.Posted, (await new ContentStore(db.DataSource).GetAsync(item.DecisionId, Ct))!.Status);
    }
}
