namespace FollowerLoop.Sandbox.Audience;

/// <summary>How appeal and account size turn into counts.</summary>
public sealed record EngagementProfile
{
    /// <summary>Expected 48h views per follower at appeal 0.</summary>
    public required double ViewsPerFollower { get; init; }

    public required double LikesPerView { get; init; }

    public required double RepostsPerView { get; init; }

    public required double RepliesPerView { get; init; }

    public required double BookmarksPerView { get; init; }

    /// <summary>New followers per view at appeal 0.</summary>
    public required double FollowsPerView { get; init; }

    /// <summary>Follows grow as exp(elasticity × appeal): strong posts convert better than their reach alone says.</summary>
    public required double FollowElasticity { get; init; }

    public required TimeConstants TimeConstantHours { get; init; }

    /// <summary>Hours after posting before follows (and unfollows) start; they still all arrive by 48 hours.</summary>
    public required double FollowLagHours { get; init; }

    /// <summary>Per format name, followers lost per view (unlisted formats lose none).</summary>
    public IReadOnlyDictionary<string, double> UnfollowsPerView { get; init; } = new Dictionary<string, double>();

    /// <summary>Fixed log-multipliers per metric ("replies", "reposts", "likes", "bookmarks") and format name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> FormatAffinity { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();
}
