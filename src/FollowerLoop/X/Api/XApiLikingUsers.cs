using FollowerLoop.X.Browser;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.X.Api;

/// <summary>
/// <c>GET /2/tweets/:id/liking_users</c> of one of the account's posts: one request, as X lists at most 100 likers of a
/// post for all time (each billed as an own-data read, so at most $0.10 a post). It needs the <c>like.read</c> scope;
/// should X refuse the endpoint (403), that is logged once and it is not asked again by this process.
/// </summary>
internal sealed class XApiLikingUsers(XApiConnection connection, ILogger<XApiLikingUsers> logger) : ILikingUsersReader
{
    private const string Endpoint = "GET /2/tweets/:id/liking_users";
    private readonly RefusableEndpoint _endpoint = new();

    public bool Available => _endpoint.Available;

    public Task<LikingUsers?> ReadAsync(string postId, CancellationToken cancellationToken)
    {
        XIdentifiers.ThrowIfNotTweetId(postId);
        return _endpoint.AskAsync(
            async () =>
            {
                var root = await connection.SendAsync(
                    new XApiRequest(HttpMethod.Get, $"2/tweets/{postId}/liking_users?max_results={LikingUsers.MostListed}", Endpoint, ReadsOwnData: true),
                    cancellationToken);
                return LikingUsers.Listed(postId, XApiResponses.LikingUsers(root, postId, Endpoint));
            },
            reason => Log.LikingUsersRefused(logger, reason));
    }
}
