namespace FollowerLoop.Storage;

/// <summary>A planned item's life: queued → posting (intent recorded before the click) → posted, or failed.</summary>
public static class ContentStatus
{
    public const string Queued = "queued";
    public const string Posting = "posting";
    public const string Posted = "posted";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
