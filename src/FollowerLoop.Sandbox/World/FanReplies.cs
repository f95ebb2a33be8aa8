namespace FollowerLoop.Sandbox.World;

/// <summary>
/// The audience's replies under a post, consistent with its reply count, along the reply curve
/// (<see cref="SummonsAlongCurve"/>, stream "fan").
/// </summary>
internal static class FanReplies
{
    private static readonly string[] Texts =
    [
        "This is so true.", "Saving this for later.", "Great breakdown, thanks for sharing!", "Hard agree.",
        "Interesting take. What made you change your mind?", "Needed to read this today.",
        "Could you share more about the second point?", "100% this.", "Been saying this for years.", "Bookmarked 🔖",
    ];

    public static IReadOnlyList<SummoningPost> Visible(int seed, SandboxPost post, long visibleCount, long totalReplies, double timeConstantHours) =>
        SummonsAlongCurve.Visible(seed, "fan", post, visibleCount, totalReplies, timeConstantHours, SnowflakeId.FanWorker, SummonKind.Reply, Texts);
}
