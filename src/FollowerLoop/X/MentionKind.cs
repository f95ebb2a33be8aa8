namespace FollowerLoop.X;

/// <summary>How a post summoned the account; stored lower-case in <c>content_metadata.reply_to_kind</c>.</summary>
public enum MentionKind
{
    Mention,
    Reply,
    Quote,
}
