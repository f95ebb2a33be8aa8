namespace FollowerLoop.Storage;

/// <summary>
/// A planned item's life: queued → posting (intent recorded before the click) → posted, or failed. A reply
/// drafted for a person's approval starts as draft and becomes queued (approved) or rejected; a reply the
/// guard refused is stored rejected too, so it is never written again.
/// </summary>
public static class ContentStatus
{
    public const string Draft = "draft";
    public const string Queued = "queued";
    public const string Posting = "posting";
    public const string Posted = "posted";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Rejected = "rejected";
}
