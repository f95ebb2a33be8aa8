using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Api;

/// <summary>OAuth 1.0a user context: each request signed with HMAC-SHA1; the keys do not expire, so a 401 is final.</summary>
internal sealed class OAuth1UserAuthorization(IOptions<XApiOptions> options, TimeProvider time) : IXApiAuthorization
{
    private readonly XApiOAuth1Options _keys = options.Value.OAuth1;

    public Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A JSON body is not part of the signature; the nonce only has to be unique: 32 random hex characters.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        request.Headers.TryAddWithoutValidation("Authorization", OAuth1Signature.AuthorizationHeader(
            _keys, request.Method.Method, request.RequestUri!, [], nonce, time.GetUtcNow().ToUnixTimeSeconds()));
        return Task.CompletedTask;
    }

    public Task<bool> RenewAsync(HttpRequestMessage rejected, CancellationToken cancellationToken) => Task.FromResult(false);
}
