using System.Globalization;
using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.World;

/// <summary>
/// Who liked the account's posts, as X lists them to their author: some of the people a post brought liked it first
/// (<see cref="EngagementProfile.FollowersWhoLiked"/>), some of those its previous post brought, following after it went
/// out, liked it too (<see cref="EngagementProfile.FollowersWhoLikedNext"/>), and people who did not follow make up the
/// rest of its like count. Each has a random stream of their own, so none of this changes a post's outcome or the
/// follower list.
/// </summary>
public sealed partial class SandboxWorld
{
    /// <summary>X's <c>liking_users</c> lists at most this many users of a post, for all time, however many liked it.</summary>
    public const int LikersListedPerPost = 100;

    private const string LikedFirstStream = "follower/liked";
    private const string LikedNextStream = "follower/liked-next";

    /// <summary>
    /// Everyone who liked the post by now (ground truth): those it brought who liked it before following and those its
    /// previous post brought who liked it before following (each listed from when they followed, and still after they
    /// leave), and people who did not follow, as many as its like count will not hold for all those followers-to-be, so
    /// that no one ever drops off the list. Highest id first, an order new likes do not shift.
    /// </summary>
    public IReadOnlyList<PostLiker> GetLikingUsers(string postId)
    {
        var post = RequirePost(postId);
        var now = Clock.GetUtcNow();
        var engagement = Audience.Profile.Engagement;
        List<PostLiker> likers;
        SandboxPost? previous;
        lock (_lock)
        {
            previous = post.InReplyToId is null ? _posts.LastOrDefault(p => p.Sequence < post.Sequence && p.InReplyToId is null) : null;
            var roster = RosterLocked(now);
            var brought = BroughtWhoLiked(roster, post);
            var carried = previous is null
                ? []
                : roster.BroughtBy(previous.Id).Select(history => history.Follower)
                    .Where(follower => follower.FollowedAt >= post.PostedAt && Liked(follower.UserId, LikedNextStream, engagement.FollowersWhoLikedNext));
            likers = [.. brought.Concat(carried).Select(follower => new PostLiker(follower.UserId, follower.Handle, follower.DisplayName))];
        }

        var others = GetMetrics(post, now).Likes
            - FollowersToBeWhoLiked(post, DateTimeOffset.MinValue, LikedFirstStream, engagement.FollowersWhoLiked)
            - (previous is null ? 0 : FollowersToBeWhoLiked(previous, post.PostedAt, LikedNextStream, engagement.FollowersWhoLikedNext));
        for (var k = 1L; k <= others; k++)
        {
            likers.Add(FollowerDraws.Liker(new DeterministicRandom(_seed, "liker/post", post.Sequence, k), post.PostedAt));
        }

        return [.. likers.OrderByDescending(liker => long.Parse(liker.UserId, CultureInfo.InvariantCulture))];
    }

    /// <summary>How many of the followers the post has brought by now liked it before following (ground truth).</summary>
    public int TrueFollowersBroughtWhoLiked(string postId)
    {
        var post = RequirePost(postId);
        lock (_lock)
        {
            return BroughtWhoLiked(RosterLocked(Clock.GetUtcNow()), post).Count();
        }
    }

    /// <summary>The followers the post has brought who liked it before following.</summary>
    private IEnumerable<SandboxFollower> BroughtWhoLiked(FollowerRoster roster, SandboxPost post) =>
        roster.BroughtBy(post.Id).Select(history => history.Follower)
            .Where(follower => Liked(follower.UserId, LikedFirstStream, Audience.Profile.Engagement.FollowersWhoLiked));

    /// <summary>What X lists of the post's likers: the first <see cref="LikersListedPerPost"/> of <see cref="GetLikingUsers"/>.</summary>
    public IReadOnlyList<PostLiker> GetListedLikingUsers(string postId) => [.. GetLikingUsers(postId).Take(LikersListedPerPost)];

    /// <summary>
    /// How many of all the people <paramref name="bringer"/> will bring, following from <paramref name="from"/>, liked a
    /// post (the draw of <paramref name="stream"/>): drawn as the roster draws them, without it.
    /// </summary>
    private long FollowersToBeWhoLiked(SandboxPost bringer, DateTimeOffset from, string stream, double chance)
    {
        if (chance <= 0)
        {
            return 0;
        }

        var (count, k) = (0L, 0L);
        foreach (var arrival in PostFollowerTimes.Arrivals(Audience, bringer.PostedAt, bringer.Outcome.Follows))
        {
            var follower = FollowerDraws.Draw(PostFollowerTimes.StreamOf(Audience, bringer, ++k), 0, Audience.Profile.Followers, 0, arrival, bringer.Id);
            count += follower.FollowedAt >= from && Liked(follower.UserId, stream, chance) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Whether a follower liked a post: a draw of their own for each kind of post (<paramref name="stream"/>), keyed by their id.</summary>
    private bool Liked(string userId, string stream, double chance) =>
        chance > 0 && new DeterministicRandom(_seed, stream, long.Parse(userId, CultureInfo.InvariantCulture)).NextDouble() < chance;
}
