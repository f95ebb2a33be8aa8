using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.World;

/// <summary>A post of the sandbox account. Its outcome is drawn once, when it is published.</summary>
public sealed record SandboxPost(
    string Id,
    string Text,
    string? InReplyToId,
    DateTimeOffset PostedAt,
    long Sequence,
    TextFeatures Features,
    PostContext Context,
    PostOutcome Outcome)
{
    /// <summary>A reply to another account's post (a reply to the account's own post continues a thread).</summary>
    public bool IsReply => Context.IsReply;
}
