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
    /// <summary>X's <c>liking_users</c> lists at most this many users of a post, for all time, however many liked it.</summary>
    public const int LikersListedPerPost = 100;

    /// <summary>
    /// Everyone who liked the post by now (ground truth): those it brought who liked it before following (listed from when
    /// they followed, and still after they leave) and people who did not follow, as many as its like count will not hold
    /// for the followers-to-be, so that no one ever drops off the list. Highest id first, an order new likes do not shift.
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
                ? [.. RosterLocked(now).BroughtBy(post.Id).Select(history => history.Follower).Where(follower => LikedFirst(follower.UserId, chance))
                    .Select(follower => new PostLiker(follower.UserId, follower.Handle, follower.DisplayName))]
                : [];
        }

        var others = GetMetrics(post, now).Likes - FollowersWhoLikedFirst(post, chance);
        for (var k = 1L; k <= others; k++)
        {
            likers.Add(FollowerDraws.Liker(new DeterministicRandom(_seed, "liker/post", post.Sequence, k), post.PostedAt));
        }

        return [.. likers.OrderByDescending(liker => long.Parse(liker.UserId, CultureInfo.InvariantCulture))];
    }

    /// <summary>What X lists of the post's likers: the first <see cref="LikersListedPerPost"/> of <see cref="GetLikingUsers"/>.</summary>
    public IReadOnlyList<PostLiker> GetListedLikingUsers(string postId) => [.. GetLikingUsers(postId).Take(LikersListedPerPost)];

    /// <summary>How many of all the people the post will bring liked it first: drawn as the roster draws them, without it.</summary>
    private long FollowersWhoLikedFirst(SandboxPost post, double chance)
    {
        if (chance <= 0)
        {
            return 0;
        }

        var (count, k) = (0L, 0L);
        foreach (var arrival in PostFollowerTimes.Arrivals(Audience, post.PostedAt, post.Outcome.Follows))
        {
            var follower = FollowerDraws.Draw(PostFollowerTimes.StreamOf(Audience, post, ++k), 0, Audience.Profile.Followers, 0, arrival, post.Id);
            count += LikedFirst(follower.UserId, chance) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Whether a follower liked the post that brought them: a draw of their own, keyed by their id.</summary>
    private bool LikedFirst(string userId, double chance) =>
        new DeterministicRandom(_seed, "follower/liked", long.Parse(userId, CultureInfo.InvariantCulture)).NextDouble() < chance;
}
