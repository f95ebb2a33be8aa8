using FollowerLoop.X;

namespace FollowerLoop.Followers;

/// <summary>
/// A follower's quality, 0–100, by documented rules on what X shows (no hidden model): 100, less a fixed penalty per
/// sign of a throwaway or bot-like account. A fact X did not give applies no rule. The reasons are stored beside the
/// score, so a reader sees why.
/// </summary>
public static class FollowerQuality
{
    public const string NewAccount = "new account";
    public const string DefaultPicture = "default picture";
    public const string NoBio = "no bio";
    public const string FollowsManyFollowedByFew = "follows many, followed by few";
    public const string HardlyPosts = "hardly posts";

    /// <summary>The rules: a reason and what it costs.</summary>
    public static IReadOnlyList<(string Reason, int Penalty)> Rules { get; } =
    [
        (NewAccount, 30), (DefaultPicture, 20), (NoBio, 10), (FollowsManyFollowedByFew, 25), (HardlyPosts, 15),
    ];

    private static readonly TimeSpan YoungAccount = TimeSpan.FromDays(30);

    public static (int Score, IReadOnlyList<string> Reasons) Of(XFollower follower, DateTimeOffset seenAt)
    {
        ArgumentNullException.ThrowIfNull(follower);
        var applies = new Dictionary<string, bool>
        {
            [NewAccount] = follower.AccountCreatedAt is { } created && seenAt - created < YoungAccount,
            [DefaultPicture] = follower.DefaultProfileImage is true,
            [NoBio] = follower.HasBio is false,
            [FollowsManyFollowedByFew] = follower is { FollowingCount: >= 500 and var following, FollowersCount: { } followers } && following >= 10 * Math.Max(followers, 1),
            [HardlyPosts] = follower.PostsCount is < 10,
        };
        var reasons = Rules.Where(rule => applies[rule.Reason]).ToList();
        return (Math.Max(0, 100 - reasons.Sum(rule => rule.Penalty)), [.. reasons.Select(rule => rule.Reason)]);
    }
}
