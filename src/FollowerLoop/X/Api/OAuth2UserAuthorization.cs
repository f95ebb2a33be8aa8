using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Api;

/// <summary>
/// OAuth 2.0 user context: a bearer access token, refreshed with <c>POST /2/oauth2/token</c> before
/// it expires or after a 401. One refresh at a time (the refresh token is single-use); the new pair
/// is saved by <see cref="OAuth2TokenStore"/> and reused after a restart. The first pair comes from
/// the token file (<c>followerloop x auth</c>) or from configuration.
/// </summary>
internal sealed class OAuth2UserAuthorization : IXApiAuthorization, IDisposable
{
    /// <summary>Refresh a little early so a request never leaves with a token about to expire.</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(1);

    private readonly XApiOAuth2Options _options;
    private readonly OAuth2TokenStore _store;
    private readonly OAuth2TokenEndpoint _endpoint;
    private readonly TimeProvider _time;
    private readonly ILogger<OAuth2UserAuthorization> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OAuth2Token? _token;

    public OAuth2UserAuthorization(IHttpClientFactory http, IOptions<XApiOptions> options, TimeProvider time, ILogger<OAuth2UserAuthorization> logger)
    {
        _options = options.Value.OAuth2;
        _store = new OAuth2TokenStore(_options.TokenStorePath);
        _endpoint = new OAuth2TokenEndpoint(http, _options, time);
        _time = time;
        _logger = logger;
    }

    public async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await CurrentAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    public async Task<bool> RenewAsync(HttpRequestMessage rejected, CancellationToken cancellationToken)
    {
        var rejectedToken = rejected.Headers.Authorization?.Parameter;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A concurrent call may have refreshed already: then the rejected token is simply old.
            if (_token is { AccessToken: { } current } && current != rejectedToken)
            {
                return true;
            }

            _token = await RefreshAsync(_token ?? await LoadAsync(cancellationToken), cancellationToken);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<OAuth2Token> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_token is { AccessToken: not null } known && !IsExpiring(known))
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            _token ??= await LoadAsync(cancellationToken);
            if (_token.AccessToken is null || IsExpiring(_token))
            {
                _token = await RefreshAsync(_token, cancellationToken);
            }

            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The saved pair, else the configured one; start-up validation makes sure one of them exists.</summary>
    private async Task<OAuth2Token> LoadAsync(CancellationToken cancellationToken) =>
        await _store.ReadAsync(_options.RefreshToken, cancellationToken)
        ?? (_options.RefreshToken is { Length: > 0 } refresh
            ? new OAuth2Token(_options.AccessToken is { Length: > 0 } access ? access : null, refresh, ExpiresAt: null)
            : throw XApiErrors.NoToken(_store.Path));

    private bool IsExpiring(OAuth2Token token) => token.ExpiresAt is { } expiresAt && expiresAt - ExpiryMargin <= _time.GetUtcNow();

    private async Task<OAuth2Token> RefreshAsync(OAuth2Token token, CancellationToken cancellationToken)
    {
        var refreshed = await _endpoint.RequestAsync(
            new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = token.RefreshToken },
            token.RefreshToken,
            XApiErrors.RefreshRefused,
            cancellationToken);
        await _store.SaveAsync(refreshed, _options.RefreshToken, cancellationToken);
        Log.TokenRefreshed(_logger, refreshed.ExpiresAt, _store.Path);
        return refreshed;
    }
}
