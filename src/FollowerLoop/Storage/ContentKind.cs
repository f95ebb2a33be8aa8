namespace FollowerLoop.Storage;

/// <summary>What a planned item is, as stored in <c>content_metadata.kind</c>.</summary>
public static class ContentKind
{
    public const string Post = "post";
    public const string Reply = "reply";
    public const string ThreadPart = "thread_part";
}
