namespace FollowerLoop.X.Api;

/// <summary>How a request carries the user token: OAuth 2.0 bearer (refreshable) or OAuth 1.0a signature.</summary>
internal interface IXApiAuthorization
{
    /// <summary>Adds the Authorization header; <paramref name="request"/>'s method and URL are final.</summary>
    Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// After a 401 on <paramref name="rejected"/>: true when a new token is ready (refreshed now, or
    /// already by a concurrent call), so the request may be sent once more; false when this token cannot change.
    /// </summary>
    Task<bool> RenewAsync(HttpRequestMessage rejected, CancellationToken cancellationToken);
}
