namespace FollowerLoop.Storage;

/// <summary>A row of <c>comprehensive_metrics</c>: a finished post's features and outcomes, the training row.</summary>
public sealed record TrainingRow
{
    public required string PostId { get; init; }

    public required Guid DecisionId { get; init; }

    public required string Account { get; init; }

    public required string Kind { get; init; }

    public string? Format { get; init; }

    public string? Topic { get; init; }

    public string? Hook { get; init; }

    public string Features { get; init; } = "{}";

    public required DateTimeOffset PostedAt { get; init; }

    public required short HourOfDay { get; init; }

    public required short DayOfWeek { get; init; }

    public double? HoursSincePrevious { get; init; }

    public long? FollowersAtPost { get; init; }

    public long? Likes2h { get; init; }

    public long? Retweets2h { get; init; }

    public long? Replies2h { get; init; }

    public long? Views2h { get; init; }

    /// <summary>Profile visits from the post by its 2-hour checkpoint; null where X did not give them (the browser path).</summary>
    public long? ProfileViews2h { get; init; }

    public long? Likes24h { get; init; }

    public long? Retweets24h { get; init; }

    public long? Replies24h { get; init; }

    public long? Bookmarks24h { get; init; }

    public long? Views24h { get; init; }

    public long? Likes48h { get; init; }

    public long? Views48h { get; init; }

    public long? Engagement24h { get; init; }

    public long? FollowersGainedNaive { get; init; }

    /// <summary>The post's gain as the dashboards and reports show it: X's count where reported, else engagement share's credit.</summary>
    public double? AttributedFollowers { get; init; }

    /// <summary>
    /// What the gain model and the patterns learn from: X's count where reported, else what engagement share says the post
    /// was due by its reach (its credit without its luck; the credit itself for rows from before the due was stored).
    /// </summary>
    public double? LearnedFollowers { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }
}
