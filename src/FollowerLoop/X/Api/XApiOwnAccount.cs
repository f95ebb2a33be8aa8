using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Api;

/// <summary>
/// The token's own account id, which addresses its profile, mentions and followers: <c>XApi:UserId</c> when set, else
/// <c>GET /2/users/me</c>, read once per process.
/// </summary>
internal sealed class XApiOwnAccount(XApiConnection connection, IOptions<XApiOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private XApiUser? _me;

    public async Task<string> IdAsync(CancellationToken cancellationToken)
    {
        if (options.Value.UserId is { Length: > 0 } configured)
        {
            return configured;
        }

        if (_me is { } known)
        {
            return known.Id;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            const string endpoint = "GET /2/users/me";
            _me ??= XApiResponses.User(await connection.SendAsync(new XApiRequest(HttpMethod.Get, "2/users/me?user.fields=public_metrics", endpoint), cancellationToken), endpoint);
            return _me.Id;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
