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

    /// <summary>
    /// Profile visits per view that do not end in a follow (every follower also visited the profile). Ignored when
    /// <see cref="FollowsPerProfileVisit"/> is set.
    /// </summary>
    public double ProfileClicksPerView { get; init; } = 0.006;

    /// <summary>
    /// When set, follows come through profile visits: each visitor follows with this chance, so the visits that do
    /// not end in a follow grow with the post's appeal like the follows do (rather than with its views alone).
    /// </summary>
    public double? FollowsPerProfileVisit { get; init; }

    /// <summary>Clicks on a post's link per view (posts without a link get none).</summary>
    public double LinkClicksPerView { get; init; } = 0.01;

    /// <summary>
    /// The chance that someone a post brings liked it before following (shown among its likers to the author); its
    /// other likers are people who did not follow. 0: no follower liked the post that brought them.
    /// </summary>
    public double FollowersWhoLiked { get; init; }

    /// <summary>
    /// The chance that someone a post brings who follows after the account's next post went out liked that next post
    /// too (shown among its likers from when they follow): who liked a post no longer names the post that brought them.
    /// 0: a follower liked no post but the one that brought them.
    /// </summary>
    public double FollowersWhoLikedNext { get; init; }

    /// <summary>Per format name, followers lost per view (unlisted formats lose none).</summary>
    public IReadOnlyDictionary<string, double> UnfollowsPerView { get; init; } = new Dictionary<string, double>();

    /// <summary>Fixed log-multipliers per metric ("replies", "reposts", "likes", "bookmarks") and format name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> FormatAffinity { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();
}
