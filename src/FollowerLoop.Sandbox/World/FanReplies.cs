using System.Globalization;
using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.World;

/// <summary>
/// The audience's replies under a post, consistent with its reply count: the k-th reply is dated at the moment
/// the reply curve reaches k (the inverse of the accrual curve), its author and words drawn from (seed, post, k).
/// </summary>
internal static class FanReplies
{
    private static readonly string[] Texts =
    [
        "This is so true.", "Saving this for later.", "Great breakdown, thanks for sharing!", "Hard agree.",
        "Interesting take. What made you change your mind?", "Needed to read this today.",
        "Could you share more about the second point?", "100% this.", "Been saying this for years.", "Bookmarked 🔖",
    ];

    public static IReadOnlyList<SummoningPost> Visible(int seed, SandboxPost post, long visibleCount, long totalReplies, double timeConstantHours)
    {
        var replies = new List<SummoningPost>();
        for (var k = 1; k <= visibleCount; k++)
        {
            var at = post.PostedAt + AccrualCurves.EngagementAgeReaching(k, totalReplies, timeConstantHours);
            var random = new DeterministicRandom(seed, "fan", post.Sequence, k);
            var (handle, name) = AudienceMembers.All[random.NextInt(AudienceMembers.All.Count)];
            var id = SnowflakeId.Create(at, SnowflakeId.FanWorker, (post.Sequence * 8) + k);
            replies.Add(new SummoningPost(id.ToString(CultureInfo.InvariantCulture), SummonKind.Reply, handle, name, Texts[random.NextInt(Texts.Length)], SnowflakeId.TimeOf(id), post.Id));
        }

        return replies;
    }
}
