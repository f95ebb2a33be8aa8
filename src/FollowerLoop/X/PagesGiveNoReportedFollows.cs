namespace FollowerLoop.X;

/// <summary>
/// The browser provider's answer: x.com's pages show a post's new follows only on its analytics page, to Premium
/// accounts, and that page is not read; attribution estimates instead.
/// </summary>
internal sealed class PagesGiveNoReportedFollows : IReportedFollowsReader
{
    public bool Available => false;

    public Task<ReportedFollows?> ReadAsync(string postId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<ReportedFollows?>(null);
}
