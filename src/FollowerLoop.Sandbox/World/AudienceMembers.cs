namespace FollowerLoop.Sandbox.World;

/// <summary>The people of the audience who reply to, mention and quote the account. Their order fixes drawn authors: only ever append.</summary>
internal static class AudienceMembers
{
    public static IReadOnlyList<(string Handle, string DisplayName)> All { get; } =
    [
        ("maya_builds", "Maya"), ("tom_ships", "Tom Okafor"), ("priya_codes", "Priya"), ("leo_learns", "Leo"),
        ("nora_writes", "Nora Lind"), ("sam_k_dev", "Sam K"), ("ivy_growth", "Ivy"), ("omar_ops", "Omar"),
        ("zoe_reads", "Zoë"), ("ken_makes", "Ken Mori"),
    ];

    /// <summary>A member's display name, or the handle for anyone else (an account planted by the admin API).</summary>
    public static string DisplayNameOf(string handle) =>
        All.FirstOrDefault(member => string.Equals(member.Handle, handle, StringComparison.OrdinalIgnoreCase)).DisplayName ?? handle;
}
