using FollowerLoop.Sandbox.World;
using FollowerLoop.X;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// The X client FollowerLoop's jobs use in the benchmark: the sandbox world in process, answering exactly
/// what the browser client reads from its pages (public counts, exact follower count, search, mentions), or with
/// <see cref="BenchReads.Api"/> what the API adds for the account's own posts under 30 days (quotes, link clicks,
/// profile visits) — never the hidden audience or the true gains.
/// </summary>
internal sealed class WorldXClient(SandboxWorld world, BenchReads reads) : IXClient
{
    public Task<PostedTweet> PostAsync(string text, CancellationToken cancellationToken) => Publish(text, null);

    public Task<PostedTweet> ReplyAsync(string inReplyToTweetId, string text, CancellationToken cancellationToken) => Publish(text, inReplyToTweetId);

    public Task<TweetMetrics> GetTweetMetricsAsync(string handle, string tweetId, CancellationToken cancellationToken)
    {
        var counts = world.GetMetrics(tweetId);
        var now = world.Clock.GetUtcNow();
        var metrics = new TweetMetrics(handle, tweetId, counts.Replies, counts.Reposts, counts.Likes, counts.Bookmarks, counts.Views, now);
        if (reads is (BenchReads.Api or BenchReads.Enterprise) && world.FindPost(tweetId) is { } own)
        {
            var age = now - own.PostedAt;
            metrics = metrics with
            {
                Quotes = world.GetQuoteCount(own, now),
                ProfileClicks = age < TimeSpan.FromDays(30) ? world.Audience.ProfileClicksAt(own.Outcome, age) : null,
                LinkClicks = age < TimeSpan.FromDays(30) ? world.Audience.LinkClicksAt(own.Outcome, age) : null,
            };
        }

        return Task.FromResult(metrics);
    }

    public Task<ProfileStats> GetProfileAsync(string handle, CancellationToken cancellationToken) =>
        Task.FromResult(new ProfileStats(handle, world.GetFollowers(), world.Account.Following, FollowersExact: true, world.Clock.GetUtcNow()));

    public Task<IReadOnlyList<FoundTweet>> SearchRecentAsync(string query, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<FoundTweet> found = query.StartsWith("from:", StringComparison.OrdinalIgnoreCase)
            ? [.. world.SearchOwn(query, limit).Select(p => new FoundTweet(p.Id, world.Account.Handle, p.Text, p.PostedAt))]
            : [.. world.SearchRecent(query, limit).Select(p => new FoundTweet(p.Id, p.Author.Handle, p.Text, p.PostedAt))];
        return Task.FromResult(found);
    }

    /// <summary>What the mentions page shows: newest first, no conversation ids.</summary>
    public Task<IReadOnlyList<Mention>> GetMentionsAsync(int limit, string? sinceId, CancellationToken cancellationToken)
    {
        IReadOnlyList<Mention> mentions =
        [
            .. world.GetSummons(world.Clock.GetUtcNow())
                .Where(s => sinceId is null || s.Id.Length > sinceId.Length || (s.Id.Length == sinceId.Length && string.CompareOrdinal(s.Id, sinceId) > 0))
                .Take(limit)
                .Select(s => new Mention(s.Id, s.Handle, s.Text, s.PostedAt, Kind(s.Kind))),
        ];
        return Task.FromResult(mentions);
    }

    private static MentionKind Kind(SummonKind kind) => kind switch
    {
        SummonKind.Reply => MentionKind.Reply,
        SummonKind.Quote => MentionKind.Quote,
        _ => MentionKind.Mention,
    };

    private Task<PostedTweet> Publish(string text, string? replyTo)
    {
        try
        {
            var post = world.Publish(text, replyTo);
            return Task.FromResult(new PostedTweet(post.Id, world.Account.Handle, post.PostedAt));
        }
        catch (PostRejectedException ex)
        {
            throw new XClientException(ex.Message, isRetryable: false, ex);
        }
    }
}
