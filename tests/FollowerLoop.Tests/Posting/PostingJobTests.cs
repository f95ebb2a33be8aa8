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

    [Fact]
    public async Task Posting_InterruptedPostWithEmojiAndALink_IsFoundByItsTextAsXDrawsIt_NotPostedTwice()
    {
        // x.com draws emoji as images and the link as t.co: read back as their text, the post still matches.
        const string Text = "Ship weekly 🚀 & measure: https://example.com/growth/notes-on-shipping-weekly 👇";
        var item = await QueueAsync(Text);
        var content = new ContentStore(db.DataSource);
        await content.MarkPostingAsync(item.DecisionId, DateTimeOffset.UtcNow, Ct);
        var reached = _worker.World.Publish(Text);
        await _worker.FaultAsync("emoji", "/search");

        await RunPostingAsync();

        Assert.Equal(reached.Id, (await PostedAsync(item.DecisionId))?.TweetId);
        Assert.Single(_worker.World.GetPosts(), p => p.Text == Text);
    }

    [Fact]
    public async Task Posting_InterruptedPost_IsNotTakenForAnOlderPostWithTheSameWords()
    {
        var older = _worker.World.Publish("Deep work is a calendar problem before it is a focus problem.");
        var item = await QueueAsync("Deep work is a calendar problem, before it is a focus problem!");
        // The attempt began after the older post: that post cannot be its outcome.
        await new ContentStore(db.DataSource).MarkPostingAsync(item.DecisionId, older.PostedAt + TimeSpan.FromMinutes(5), Ct);

        await RunPostingAsync();

        var posted = await PostedAsync(item.DecisionId);
        Assert.NotNull(posted);
        Assert.NotEqual(older.Id, posted.TweetId);
        Assert.Equal(item.Text, _worker.World.FindPost(posted.TweetId)?.Text);
    }

    [Fact]
    public async Task Posting_InterruptedAfterXAnsweredWithTheId_IsRecordedByTheId_WithoutASearch()
    {
        var item = await QueueAsync("Cold email still works when the first line is about them, not you.");
        var content = new ContentStore(db.DataSource);
        await content.MarkPostingAsync(item.DecisionId, DateTimeOffset.UtcNow, Ct);
        var reached = _worker.World.Publish(item.Text);
        await content.MarkSentAsync(item.DecisionId, reached.Id, DateTimeOffset.UtcNow, Ct);
        // A search would fail: the id alone must settle it.
        await _worker.FaultAsync("error", "/search");

        await RunPostingAsync();

        Assert.Equal(reached.Id, (await PostedAsync(item.DecisionId))?.TweetId);
        Assert.Single(_worker.World.GetPosts(), p => p.Text == item.Text);
    }

    private async Task<PostRecord?> PostedAsync(Guid decisionId) =>
        (await new PostStore(db.DataSource).GetPostedSinceAsync(InProcessWorker.Handle, DateTimeOffset.MinValue, Ct))
            .SingleOrDefault(p => p.DecisionId == decisionId);
}
