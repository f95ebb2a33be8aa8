using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Api;

/// <summary>
/// <c>followerloop x auth</c>: starts an authorization (kept in a private file next to the token file,
/// so the code may come back in a later run), then exchanges the code for a token pair and stores it
/// where <see cref="OAuth2UserAuthorization"/> reads it.
/// </summary>
public sealed class OAuth2PkceFlow
{
    private readonly XApiOAuth2Options _options;
    private readonly OAuth2TokenStore _store;
    private readonly OAuth2TokenEndpoint _endpoint;
    private readonly ILogger<OAuth2PkceFlow> _logger;

    public OAuth2PkceFlow(IHttpClientFactory http, IOptions<XApiOptions> options, TimeProvider time, ILogger<OAuth2PkceFlow> logger)
    {
        _options = options.Value.OAuth2;
        _store = new OAuth2TokenStore(_options.TokenStorePath);
        _endpoint = new OAuth2TokenEndpoint(http, _options, time);
        _logger = logger;
    }

    public string TokenStorePath => _store.Path;

    /// <summary>Where the authorization in progress waits for its code (mode 0600: it holds the verifier).</summary>
    public string PendingPath => _store.Path + ".pending";

    /// <summary>A refresh token in configuration wins over the token file (see <see cref="OAuth2TokenStore"/>), so it must go once the file is written.</summary>
    public bool RefreshTokenConfigured => !string.IsNullOrEmpty(_options.RefreshToken);

    public async Task<OAuth2PkceRequest> BeginAsync(CancellationToken cancellationToken)
    {
        var request = OAuth2Pkce.Create(_options.AuthorizeUrl, _options.ClientId!, _options.RedirectUri);
        await PrivateFile.WriteJsonAsync(PendingPath, request, cancellationToken);
        return request;
    }

    /// <summary>The authorization a previous <see cref="BeginAsync"/> started; null when there is none.</summary>
    public Task<OAuth2PkceRequest?> LoadPendingAsync(CancellationToken cancellationToken) => PrivateFile.ReadJsonAsync<OAuth2PkceRequest>(PendingPath, cancellationToken);

    /// <summary>Exchanges <paramref name="code"/> (with the request's verifier) for a token pair and stores it.</summary>
    /// <exception cref="XClientException">X refused the code or could not be reached.</exception>
    public async Task<OAuth2PkceResult> CompleteAsync(OAuth2PkceRequest request, string code, CancellationToken cancellationToken)
    {
        var token = await _endpoint.RequestAsync(
            new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = request.RedirectUri.ToString(),
                ["code_verifier"] = request.Verifier,
            },
            previousRefreshToken: null,
            XApiErrors.CodeRefused,
            cancellationToken);
        await _store.SaveAsync(token, configuredRefreshToken: null, cancellationToken);
        File.Delete(PendingPath);
        Log.Authorized(_logger, token.ExpiresAt, _store.Path);
        return new OAuth2PkceResult(_store.Path, token.ExpiresAt);
    }
}
