namespace FollowerLoop.Sandbox.World;

/// <summary>How another account summoned the sandbox account (the only posts X lets an automated account answer).</summary>
public enum SummonKind
{
    /// <summary>A reply to one of the account's posts.</summary>
    Reply,

    /// <summary>A post (not a reply) that names <c>@handle</c>.</summary>
    Mention,

    /// <summary>A quote of one of the account's posts.</summary>
    Quote,
}
