namespace FollowerLoop.X;

/// <summary>
/// Where X's per-post follows cannot be read: the browser provider (x.com shows a post's new follows only on its
/// analytics page, to Premium accounts, and that page is not read). Attribution estimates instead.
/// </summary>
internal sealed class NoReportedFollows : IReportedFollowsReader
{
    public bool Available => false;

    public Task<ReportedFollows?> ReadAsync(string postId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<ReportedFollows?>(null);
}
