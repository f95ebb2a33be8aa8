namespace FollowerLoop.X;

/// <summary>
/// A post in which another account summoned ours: a reply to one of its posts, an @mention, or a quote.
/// <see cref="ConversationId"/> is the thread's root post where X says it (the API); the browser's
/// mentions page does not show it, so it is null there.
/// </summary>
public sealed record Mention(
    string TweetId,
    string AuthorHandle,
    string Text,
    DateTimeOffset? PostedAt,
    MentionKind Kind,
    string? ConversationId = null);
