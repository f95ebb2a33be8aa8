using System.Globalization;
using FollowerLoop.X.Browser;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.X.Api;

/// <summary>
/// <c>GET /2/tweets/analytics</c> for one post over its range (<c>granularity=total</c>). X lists the endpoint for
/// Enterprise access only: the first 403 is logged with what it means and the endpoint is not asked again by this process.
/// </summary>
internal sealed class XApiReportedFollows(XApiConnection connection, ILogger<XApiReportedFollows> logger) : IReportedFollowsReader
{
    private const string Endpoint = "GET /2/tweets/analytics";
    private readonly RefusableEndpoint _endpoint = new();

    public bool Available => _endpoint.Available;

    public Task<ReportedFollows?> ReadAsync(string postId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        XIdentifiers.ThrowIfNotTweetId(postId);
        return _endpoint.AskAsync(
            async () =>
            {
                var root = await connection.SendAsync(
                    new XApiRequest(HttpMethod.Get, $"2/tweets/analytics?ids={postId}&start_time={Utc(from)}&end_time={Utc(to.AddTicks(TimeSpan.TicksPerSecond - 1))}&granularity=total&analytics.fields=follows,unfollows", Endpoint, ReadsOwnData: true),
                    cancellationToken);
                return XApiResponses.ReportedFollows(root, postId, Endpoint);
            },
            reason => Log.PostAnalyticsRefused(logger, reason));
    }

    /// <summary>Whole seconds, as X takes them (the end is rounded up by the caller, so the range holds all of its last second).</summary>
    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
