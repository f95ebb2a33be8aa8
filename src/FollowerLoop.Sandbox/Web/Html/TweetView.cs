using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>What a post article shows, whoever wrote it.</summary>
/// <param name="ReplyingTo">The handle it answers, shown as "Replying to @…"; null for a top-level post.</param>
/// <param name="InReplyToId">The id of the post it answers; null for a top-level post.</param>
/// <param name="Quoted">The post it quotes, shown in a block under its text; null when it quotes nothing.</param>
internal sealed record TweetView(
    string Id,
    string Handle,
    string DisplayName,
    string Text,
    DateTimeOffset PostedAt,
    XComEngagementCounts Counts,
    string? ReplyingTo,
    string? InReplyToId,
    TweetView? Quoted = null);
