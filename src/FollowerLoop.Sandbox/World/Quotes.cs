using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.World;

/// <summary>
/// Quotes of the account's posts, in proportion to its reposts: a post's 48-hour total is drawn from (seed, "quote",
/// post), and they arrive along the repost curve; the k-th quote's author and words come from (seed, "quote", post, k).
/// Its own streams, so adding quotes changed no earlier outcome.
/// </summary>
internal static class Quotes
{
    private const double QuotesPerRepost = 0.25;

    private static readonly string[] Texts =
    [
        "This. Especially the last line.", "Saving this one for the team.", "Good reminder for anyone starting out.",
        "I'd push back a little on this, but the core idea holds.", "Exactly what I needed this morning.",
        "The part about consistency is underrated.", "Adding this to my notes.", "Strong agree with this take.",
    ];

    public static long Total(int seed, SandboxPost post) =>
        new DeterministicRandom(seed, "quote", post.Sequence).NextPoisson(post.Outcome.Totals.Reposts * QuotesPerRepost);

    /// <summary>The quotes made by <paramref name="at"/>, oldest first.</summary>
    public static IReadOnlyList<SummoningPost> Visible(int seed, SandboxPost post, DateTimeOffset at, double repostTimeConstantHours)
    {
        var total = Total(seed, post);
        var visible = AccrualCurves.CountAt(total, AccrualCurves.Engagement(at - post.PostedAt, repostTimeConstantHours));
        return SummonsAlongCurve.Visible(seed, "quote", post, visible, total, repostTimeConstantHours, SnowflakeId.QuoteWorker, SummonKind.Quote, Texts);
    }
}
