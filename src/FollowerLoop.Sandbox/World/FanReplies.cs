using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.World;

/// <summary>
/// The audience's replies under a post, consistent with its reply count: the k-th reply is dated at the moment
/// the reply curve reaches k (the inverse of the accrual curve), its author and words drawn from (seed, post, k).
/// </summary>
internal static class FanReplies
{
    private static readonly (string Handle, string Name)[] Fans =
    [
        ("maya_builds", "Maya"), ("tom_ships", "Tom Okafor"), ("priya_codes", "Priya"), ("leo_learns", "Leo"),
        ("nora_writes", "Nora Lind"), ("sam_k_dev", "Sam K"), ("ivy_growth", "Ivy"), ("omar_ops", "Omar"),
        ("zoe_reads", "Zoë"), ("ken_makes", "Ken Mori"),
    ];

    private static readonly string[] Texts =
    [
        "This is so true.", "Saving this for later.", "Great breakdown, thanks for sharing!", "Hard agree.",
        "Interesting take. What made you change your mind?", "Needed to read this today.",
        "Could you share more about the second point?", "100% this.", "Been saying this for years.", "Bookmarked 🔖",
    ];

    public static IReadOnlyList<FanReply> Visible(int seed, SandboxPost post, long visibleCount, long totalReplies, double timeConstantHours)
    {
        var replies = new List<FanReply>();
        var normaliser = 1 - Math.Exp(-AccrualCurves.Horizon.TotalHours / timeConstantHours);
        for (var k = 1; k <= visibleCount; k++)
        {
            var share = Math.Min(1.0, k / (double)totalReplies) * normaliser;
            var hours = share >= 1 ? AccrualCurves.Horizon.TotalHours : -timeConstantHours * Math.Log(1 - share);
            var at = post.PostedAt + TimeSpan.FromHours(Math.Min(hours, AccrualCurves.Horizon.TotalHours));
            var random = new DeterministicRandom(seed, "fan", post.Sequence, k);
            var (handle, name) = Fans[random.NextInt(Fans.Length)];
            var id = SnowflakeId.Create(at, SnowflakeId.FanWorker, (post.Sequence * 8) + k);
            replies.Add(new FanReply(id.ToString(System.Globalization.CultureInfo.InvariantCulture), handle, name, Texts[random.NextInt(Texts.Length)], SnowflakeId.TimeOf(id)));
        }

        return replies;
    }
}
