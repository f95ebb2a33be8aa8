namespace FollowerLoop.X;

/// <summary>
/// The follows and unfollows X itself counts for one of the account's posts (X API <c>GET /2/tweets/analytics</c>,
/// listed for Enterprise access). Where X gives them they are the truth that attribution only estimates.
/// </summary>
public interface IReportedFollowsReader
{
    /// <summary>False when asking cannot succeed: X refused the endpoint (403) once already, or the client reads pages.</summary>
    bool Available { get; }

    /// <returns>The post's counts from <paramref name="from"/> to <paramref name="to"/>; null when X does not give them to this account.</returns>
    Task<ReportedFollows?> ReadAsync(string postId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
