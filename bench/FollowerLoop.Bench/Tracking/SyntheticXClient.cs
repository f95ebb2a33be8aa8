using FollowerLoop.X;

namespace FollowerLoop.Bench.Tracking;

/// <summary>
/// Stands in for the browser so that the tracking benchmark measures the engine (scheduling, queues,
/// storage) and not page loads, which `scrape` measures. Counts are a deterministic function of the
/// post and the time; each read takes <see cref="ReadLatency"/>. Every metrics read that completes is
/// appended to <see cref="ReadLog"/> (the post id and the clock's time, tab-separated; one line per read,
/// written at once, so a killed worker loses none): the benchmark counts checkpoints read twice from it.
/// </summary>
internal sealed class SyntheticXClient(TimeProvider time) : IXClient
{
    private static readonly Lock LogGate = new();

    public static TimeSpan ReadLatency { get; set; } = TimeSpan.FromMilliseconds(20);

    public static string? ReadLog { get; set; }

    public Task<PostedTweet> PostAsync(string text, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The tracking benchmark seeds its posts itself.");

    public Task<PostedTweet> ReplyAsync(string inReplyToTweetId, string text, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The tracking benchmark seeds its posts itself.");

    public async Task<TweetMetrics> GetTweetMetricsAsync(string handle, string tweetId, CancellationToken cancellationToken)
    {
        await Task.Delay(ReadLatency, cancellationToken);
        if (ReadLog is { } path)
        {
            lock (LogGate)
            {
                File.AppendAllText(path, FormattableString.Invariant($"{tweetId}\t{time.GetUtcNow():O}{Environment.NewLine}"));
            }
        }

        var hours = (long)(time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalHours % 1000;
        var likes = (tweetId.GetHashCode(StringComparison.Ordinal) & 0xFF) + hours;
        return new TweetMetrics(handle, tweetId, likes / 10, likes / 5, likes, likes / 20, likes * 40, time.GetUtcNow());
    }

    public async Task<ProfileStats> GetProfileAsync(string handle, CancellationToken cancellationToken)
    {
        await Task.Delay(ReadLatency, cancellationToken);
        var followers = 10_000 + ((long)(time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMinutes % 100_000);
        return new ProfileStats(handle, followers, 500, FollowersExact: true, time.GetUtcNow());
    }

    public Task<IReadOnlyList<FoundTweet>> SearchRecentAsync(string query, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FoundTweet>>([]);

    public Task<IReadOnlyList<Mention>> GetMentionsAsync(int limit, string? sinceId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Mention>>([]);
}
