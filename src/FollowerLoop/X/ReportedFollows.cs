namespace FollowerLoop.X;

/// <summary>What X counted for a post over a range: accounts that followed from it and that unfollowed.</summary>
public sealed record ReportedFollows(string PostId, long Follows, long Unfollows)
{
    public long Net => Follows - Unfollows;
}
