using System.Globalization;
using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.World;

/// <summary>
/// Who liked the account's posts, as X lists them to their author: some of the people a post brought liked it first
/// (<see cref="EngagementProfile.FollowersWhoLiked"/>), and people who did not follow make up the rest of its like count.
/// Each has a random stream of their own, so none of this changes a post's outcome or the follower list.
/// </summary>
public sealed partial class SandboxWorld
{
    /// <summary>
    /// The post's likers now: those it brought who liked it before following (listed from when they followed, and still
    /// after they leave) and, up to its like count, people who did not follow. Highest id first, an order new likes do
    /// not shift.
    /// </summary>
    public IReadOnlyList<PostLiker> GetLikingUsers(string postId)
    {
        var post = RequirePost(postId);
        var now = Clock.GetUtcNow();
        var chance = Audience.Profile.Engagement.FollowersWhoLiked;
        List<PostLiker> likers;
        lock (_lock)
        {
            likers = chance > 0
                ? [.. RosterLocked(now).BroughtBy(post.Id).Select(history => history.Follower).Where(follower => LikedFirst(follower, chance))
                    .Select(follower => new PostLiker(follower.UserId, follower.Handle, follower.DisplayName))]
                : [];
        }

        var others = GetMetrics(post, now).Likes - likers.Count;
        for (var k = 1L; k <= others; k++)
        {
            likers.Add(FollowerDraws.Liker(new DeterministicRandom(_seed, "liker/post", post.Sequence, k), post.PostedAt));
        }

        return [.. likers.OrderByDescending(liker => long.Parse(liker.UserId, CultureInfo.InvariantCulture))];
    }

    /// <summary>Whether a follower liked the post that brought them: a draw of their own, keyed by their id.</summary>
    private bool LikedFirst(SandboxFollower follower, double chance) =>
        new DeterministicRandom(_seed, "follower/liked", long.Parse(follower.UserId, CultureInfo.InvariantCulture)).NextDouble() < chance;
}
