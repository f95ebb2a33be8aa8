using FollowerLoop.Content;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;

namespace FollowerLoop.Tests.Storage;

/// <summary>Items tied on time come back in an order of their own, never the heap's (which vacuum and updates change).</summary>
public sealed class ContentOrderTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecentTexts_ItemsCreatedInTheSameInstantAsTheLastCompared_AreAllCompared()
    {
        var account = $"acct_{Guid.NewGuid():N}";
        var store = new ContentStore(db.DataSource);
        var round = Samples.Start.AddHours(3);
        await store.EnqueueAllAsync([Item(account, "older round", Samples.Start), Item(account, "round, first slot", round), Item(account, "round, second slot", round)], Ct);

        var recent = await store.GetRecentTextsAsync(account, 1, Ct);

        Assert.Equal(["round, first slot", "round, second slot"], recent.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Due_ItemsDueInTheSameInstant_ComeInTheOrderTheyWerePlanned()
    {
        var account = $"acct_{Guid.NewGuid():N}";
        var store = new ContentStore(db.DataSource);
        // Stored newest first, so that the heap's order is the wrong one.
        await store.EnqueueAsync(Item(account, "planned second", Samples.Start.AddMinutes(1)), Ct);
        await store.EnqueueAsync(Item(account, "planned first", Samples.Start), Ct);

        var due = await store.GetDueAsync(account, Samples.Start.AddDays(1), 1, Ct);

        Assert.Equal("planned first", Assert.Single(due).Text);
    }

    [Fact]
    public async Task RepliesForReview_DecidedInTheSameInstant_ComeNewestFirst()
    {
        var account = $"acct_{Guid.NewGuid():N}";
        var store = new ContentStore(db.DataSource);
        var older = Reply(account, "older reply", Samples.Start);
        var newer = Reply(account, "newer reply", Samples.Start.AddMinutes(1));
        await store.EnqueueAsync(older, Ct);
        await store.EnqueueAsync(newer, Ct);
        // Decided in one go, the older first, so that the heap's order is the wrong one.
        var decidedAt = Samples.Start.AddHours(1);
        await store.CancelAsync(older.DecisionId, "rejected", decidedAt, Ct);
        await store.CancelAsync(newer.DecisionId, "rejected", decidedAt, Ct);

        var shown = await store.GetRepliesForReviewAsync(account, 2, Ct);
        var latest = await store.GetRepliesForReviewAsync(account, 1, Ct);

        Assert.Equal(["newer reply", "older reply"], shown.Select(reply => reply.Text));
        Assert.Equal("newer reply", Assert.Single(latest).Text);
    }

    private static ContentItem Reply(string account, string text, DateTimeOffset createdAt) =>
        Item(account, text, createdAt) with { Kind = ContentKind.Reply, ReplyToTweetId = "1700000000000000001", ReplyToHandle = "someone", ReplyToText = "a question" };

    private static ContentItem Item(string account, string text, DateTimeOffset createdAt) =>
        Samples.Content(text, scheduledFor: Samples.Start.AddHours(12)) with { Account = account, CreatedAt = createdAt, ContentHash = ContentHash.Of(account, text) };
}
