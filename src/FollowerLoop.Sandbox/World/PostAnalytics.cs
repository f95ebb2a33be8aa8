namespace FollowerLoop.Sandbox.World;

/// <summary>
/// What X's post analytics count for one of the account's posts over a range (the sandbox's
/// <c>GET /2/tweets/analytics</c>, and the learning bench's in-process reads of the same): by X's
/// <c>analytics.fields</c> names.
/// </summary>
public static class PostAnalytics
{
    public static IReadOnlyList<string> Fields { get; } = ["follows", "unfollows", "user_profile_clicks", "impressions"];

    /// <summary>The count reached by <paramref name="end"/> (or now, if sooner) minus the one reached by <paramref name="start"/>.</summary>
    public static long Between(SandboxWorld world, SandboxPost post, string field, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(post);
        var now = world.Clock.GetUtcNow();
        end = end < now ? end : now;
        var audience = world.Audience;
        long At(DateTimeOffset at) => at <= post.PostedAt ? 0 : field switch
        {
            "follows" => audience.FollowsAt(post.Outcome, at - post.PostedAt),
            "unfollows" => audience.UnfollowsAt(post.Outcome, at - post.PostedAt),
            "user_profile_clicks" => audience.ProfileClicksAt(post.Outcome, at - post.PostedAt),
            "impressions" => world.GetMetrics(post, at).Views,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, $"Not one of {string.Join(", ", Fields)}."),
        };
        return Math.Max(0, At(end) - At(start));
    }
}
