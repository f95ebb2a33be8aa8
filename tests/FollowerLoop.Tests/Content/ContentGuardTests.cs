using FollowerLoop.Cache;
using FollowerLoop.Content;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Cache;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tests.Content;

public sealed class ContentGuardTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ContentGuard Guard(params string[] banned) => new(Options.Create(new ContentOptions { BannedPhrases = banned }));

    [Fact]
    public void Check_OverLongText_IsRefusedWithItsWeightAndTheLimit()
    {
        var reason = Guard().Check(new string('a', 281), []);

        Assert.NotNull(reason);
        Assert.Contains("281", reason, StringComparison.Ordinal);
        Assert.Contains("280", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SameTextWithOtherCaseAndPunctuation_IsRefusedAsAlreadyPosted()
    {
        var reason = Guard().Check("Stop reading about SEO. Start doing it!", ["stop reading about seo, start doing it"]);

        Assert.NotNull(reason);
        Assert.StartsWith("the same text was already planned or posted", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NearDuplicate_IsRefusedWithHowAlikeItIs()
    {
        const string posted = "Last year I spent 5 months on deep work. It changed how I think about productivity and focus.";
        var reason = Guard().Check("Last year I spent 5 months on deep work. It changed how I think about productivity and my focus.", [posted]);

        Assert.NotNull(reason);
        Assert.Contains("near-duplicate", reason, StringComparison.Ordinal);
        Assert.Contains("% alike", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SameTemplateOnAnotherSubject_IsAccepted()
    {
        var reason = Guard().Check(
            "Unpopular opinion: SEO is overrated. Most people would win more by doing less of it.",
            ["Unpopular opinion: paid ads is overrated. Most people would win more by doing less of it.", "Something else entirely."]);

        Assert.Null(reason);
    }

    [Fact]
    public void Check_BannedPhrase_IsRefusedNamingIt_WholeWordsOnly()
    {
        var guard = Guard("crypto giveaway");

        Assert.Contains("\"crypto giveaway\"", guard.Check("Join our Crypto Giveaway today!", []), StringComparison.Ordinal);
        Assert.Null(guard.Check("A cryptographer's giveaway list", []));
    }

    [Fact]
    public async Task Queue_RefusesTextAlreadyQueued_AndSaysWhy()
    {
        await using var cache = new CacheHarness(db, TestEnvironment.Redis);
        var queue = new ContentQueue(cache.Content, cache.Dedupe, Guard(), Options.Create(new ContentOptions()), NullLogger<ContentQueue>.Instance);
        var text = $"How to grow an audience in 4 weeks: put your energy into SEO {Guid.NewGuid():N}";

        var first = await queue.EnqueueAsync(Item(text), Ct);
        var again = await queue.EnqueueAsync(Item(text + " "), Ct);
        var tooLong = await queue.EnqueueAsync(Item(new string('x', 300)), Ct);

        Assert.True(first.Queued);
        Assert.False(again.Queued);
        Assert.Equal("the same text was already planned or posted", again.Reason);
        Assert.False(tooLong.Queued);
        Assert.Contains("x.com allows 280", tooLong.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAll_RefusesAThreadPartThatRepeatsAnEarlierPart()
    {
        await using var cache = new CacheHarness(db, TestEnvironment.Redis);
        var queue = new ContentQueue(cache.Content, cache.Dedupe, Guard(), Options.Create(new ContentOptions()), NullLogger<ContentQueue>.Instance);
        var part = $"2/ Deep work: start small, measure weekly, keep what works {Guid.NewGuid():N}.";

        var outcomes = await queue.CheckAllAsync([Item("A thread on productivity 🧵"), Item(part), Item(part)], Ct);

        Assert.Equal([true, true, false], outcomes.Select(o => o.Queued));
    }

    /// <summary>
    /// An edit is compared with the recent texts but the item's own old one: a corrected typo is a near-duplicate of
    /// what it corrects and may replace it, while the same words in another item are refused.
    /// </summary>
    [Fact]
    public async Task Editor_TakesACorrectedTypo_ButNotANearDuplicateOfAnotherRecentText()
    {
        await using var cache = new CacheHarness(db, TestEnvironment.Redis);
        var queue = new ContentQueue(cache.Content, cache.Dedupe, Guard(), Options.Create(new ContentOptions()), NullLogger<ContentQueue>.Instance);
        var editor = new QueueEditor(db.DataSource, cache.Content, queue, cache.Dedupe, Guard(), cache.Clock, NullLogger<QueueEditor>.Instance);
        var tail = $"that made my mornings calm, my evenings quiet and my weeks far less hurried than they used to be {Guid.NewGuid():N}";
        var typo = Item($"Five habbits {tail}");
        var other = Item($"Why I stopped reading email before noon, and what changed in a month {Guid.NewGuid():N}");
        Assert.True((await queue.EnqueueAsync(typo, Ct)).Queued);
        Assert.True((await queue.EnqueueAsync(other, Ct)).Queued);

        Assert.Null(await editor.EditAsync(typo.DecisionId, $"Five habits {tail}", Ct));
        Assert.Contains("near-duplicate", await editor.EditAsync(other.DecisionId, $"Six habits {tail}", Ct), StringComparison.Ordinal);
    }

    private static ContentItem Item(string text) => Samples.Content(text) with { ContentHash = ContentHash.Of(Samples.Account, text) };
}
