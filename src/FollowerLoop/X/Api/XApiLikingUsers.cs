using FollowerLoop.X.Browser;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.X.Api;

/// <summary>
/// <c>GET /2/tweets/:id/liking_users</c> of one of the account's posts, 100 a page up to the limit asked, each liker
/// billed as an own-data read. Should X refuse the endpoint (403), that is logged once and it is not asked
/// again by this process.
/// </summary>
internal sealed class XApiLikingUsers(XApiConnection connection, ILogger<XApiLikingUsers> logger) : ILikingUsersReader
{
    private const string Endpoint = "GET /2/tweets/:id/liking_users";
    private const int PageSize = 100;
    private volatile bool _refused;

    public bool Available => !_refused;

    public async Task<LikingUsers?> ReadAsync(string postId, int limit, CancellationToken cancellationToken)
    {
        XIdentifiers.ThrowIfNotTweetId(postId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (_refused)
        {
            return null;
        }

        var ids = new List<string>();
        string? cursor = null;
        try
        {
            do
            {
                var page = cursor is null ? "" : $"&pagination_token={Uri.EscapeDataString(cursor)}";
                var root = await connection.SendAsync(
                    new XApiRequest(HttpMethod.Get, $"2/tweets/{postId}/liking_users?max_results={Math.Min(PageSize, limit - ids.Count)}{page}", Endpoint, ReadsOwnData: true),
                    cancellationToken);
                (var users, cursor) = XApiResponses.UserIds(root, Endpoint);
                ids.AddRange(users);
            }
            while (cursor is not null && ids.Count < limit);
        }
        catch (XClientException ex) when (ex.Kind == XErrorKind.NotPermitted)
        {
            _refused = true;
            Log.LikingUsersRefused(logger, ex.Message);
            return null;
        }

        return new LikingUsers(postId, [.. ids.Distinct(StringComparer.Ordinal).Take(limit)], cursor is null && ids.Count <= limit);
    }
}
