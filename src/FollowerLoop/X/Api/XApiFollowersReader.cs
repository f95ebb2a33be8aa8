namespace FollowerLoop.X.Api;

/// <summary>
/// <c>GET /2/users/:id/followers</c> of the account's own id: newest first, 1–1000 a page, each follower billed as an
/// own-data read, with the facts the Followers job scores (account age, picture, bio, counts, protected, verified).
/// </summary>
internal sealed class XApiFollowersReader(XApiConnection connection, XApiOwnAccount own) : IFollowersReader
{
    private const string Endpoint = "GET /2/users/:id/followers";
    private const string Fields = "user.fields=created_at,description,profile_image_url,protected,public_metrics,verified";

    public async Task<FollowersPage> ReadPageAsync(string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize, 1, 1000);
        var page = cursor is null ? "" : $"&pagination_token={Uri.EscapeDataString(cursor)}";
        var id = await own.IdAsync(cancellationToken);
        var root = await connection.SendAsync(
            new XApiRequest(HttpMethod.Get, $"2/users/{id}/followers?max_results={size}{page}&{Fields}", Endpoint, ReadsOwnData: true),
            cancellationToken);
        return XApiResponses.Followers(root, Endpoint);
    }
}
