using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.World;

/// <summary>When each of a post's followers arrives, and when those who leave on their own go: the same draws for the roster and the count.</summary>
internal static class PostFollowerTimes
{
    /// <summary>The k-th follower's (or unfollower's) arrival, k = 1..total, oldest first.</summary>
    public static IEnumerable<DateTimeOffset> Arrivals(AudienceModel audience, DateTimeOffset postedAt, long total)
    {
        var age = TimeSpan.Zero;
        for (var k = 1L; k <= total; k++)
        {
            age = audience.FollowAgeReaching(k, total, age);
            yield return postedAt + age;
        }
    }

    /// <summary>The random stream of the post's k-th follower.</summary>
    public static DeterministicRandom StreamOf(AudienceModel audience, SandboxPost post, long k) => new(audience.Seed, "follower/post", post.Sequence, k);

    /// <summary>The chance that a follower the post brought leaves on their own (before bot-likeness is counted).</summary>
    public static double LeaveChance(AudienceModel audience, SandboxPost post) => audience.Profile.Followers.LeaveChanceOf(post.Features.Format);

    /// <summary>When the post's followers who leave on their own leave, sorted; empty when the profile has nobody leave.</summary>
    public static long[] LeaveTicks(AudienceModel audience, SandboxPost post)
    {
        var followers = audience.Profile.Followers;
        if (!followers.AnyLeave)
        {
            return [];
        }

        var chance = LeaveChance(audience, post);
        var ticks = new List<long>();
        var k = 0L;
        foreach (var arrival in Arrivals(audience, post.PostedAt, post.Outcome.Follows))
        {
            k++;
            if (FollowerDraws.LeavesAt(StreamOf(audience, post, k), followers, chance, arrival, out _) is { } leaves)
            {
                ticks.Add(leaves.UtcTicks);
            }
        }

        ticks.Sort();
        return [.. ticks];
    }

    /// <summary>How many of <paramref name="sortedLeaveTicks"/> are at or before <paramref name="at"/>.</summary>
    public static int LeftBy(long[] sortedLeaveTicks, DateTimeOffset at)
    {
        var (low, high) = (0, sortedLeaveTicks.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = sortedLeaveTicks[middle] <= at.UtcTicks ? (middle + 1, high) : (low, middle);
        }

        return low;
    }
}
