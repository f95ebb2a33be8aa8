using System.Globalization;
using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.World;

/// <summary>
/// Posts of the audience that answer one of the account's posts (replies under it, quotes of it), consistent with their
/// count: the k-th is dated at the moment the engagement curve reaches k (the inverse of the accrual curve), its author
/// and words drawn from (seed, <paramref name="stream"/>, post, k), its id a snowflake of <paramref name="worker"/>.
/// </summary>
internal static class SummonsAlongCurve
{
    public static IReadOnlyList<SummoningPost> Visible(
        int seed, string stream, SandboxPost post, long visibleCount, long total, double timeConstantHours, int worker, SummonKind kind, string[] texts)
    {
        var posts = new List<SummoningPost>();
        for (var k = 1; k <= visibleCount; k++)
        {
            var at = post.PostedAt + AccrualCurves.EngagementAgeReaching(k, total, timeConstantHours);
            var random = new DeterministicRandom(seed, stream, post.Sequence, k);
            var (handle, name) = AudienceMembers.All[random.NextInt(AudienceMembers.All.Count)];
            var id = SnowflakeId.Create(at, worker, (post.Sequence * 8) + k);
            posts.Add(new SummoningPost(id.ToString(CultureInfo.InvariantCulture), kind, handle, name, texts[random.NextInt(texts.Length)], SnowflakeId.TimeOf(id), post.Id));
        }

        return posts;
    }
}
