using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Api;

/// <summary>
/// OAuth 2.0 user context: a bearer access token, refreshed with <c>POST /2/oauth2/token</c> before
/// it expires or after a 401. One refresh at a time (the refresh token is single-use); the new pair
/// is saved by <see cref="OAuth2TokenStore"/> and reused after a restart.
/// </summary>
internal sealed class OAuth2UserAuthorization : IXApiAuthorization, IDisposable
{
    /// <summary>Refresh a little early so a request never leaves with a token about to expire.</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(1);

    private readonly IHttpClientFactory _http;
    private readonly XApiOAuth2Options _options;
    private readonly OAuth2TokenStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<OAuth2UserAuthorization> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OAuth2Token? _token;

    public OAuth2UserAuthorization(IHttpClientFactory http, IOptions<XApiOptions> options, TimeProvider time, ILogger<OAuth2UserAuthorization> logger)
    {
        _http = http;
        _options = options.Value.OAuth2;
        _store = new OAuth2TokenStore(_options.TokenStorePath);
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

            _token = await RefreshAsync(_token ?? Configured(), cancellationToken);
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
            _token ??= await _store.ReadAsync(_options.RefreshToken!, cancellationToken) ?? Configured();
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

    private OAuth2Token Configured() => new(_options.AccessToken is { Length: > 0 } access ? access : null, _options.RefreshToken!, ExpiresAt: null);

    private bool IsExpiring(OAuth2Token token) => token.ExpiresAt is { } expiresAt && expiresAt - ExpiryMargin <= _time.GetUtcNow();

    private async Task<OAuth2Token> RefreshAsync(OAuth2Token token, CancellationToken cancellationToken)
    {
        const string endpoint = "POST /2/oauth2/token";
        using var request = new HttpRequestMessage(HttpMethod.Post, "2/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = token.RefreshToken,
                ["client_id"] = _options.ClientId!,
            }),
        };
        if (_options.ClientSecret is { Length: > 0 } secret)
        {
            // A confidential client authenticates the refresh with HTTP Basic (client id : secret).
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(_options.ClientId!)}:{Uri.EscapeDataString(secret)}")));
        }

        var client = _http.CreateClient(XApiHttp.ClientName);
        string body;
        int status;
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            throw XApiErrors.Unreachable(endpoint, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw XApiErrors.TimedOut(endpoint, client.Timeout, ex);
        }

        if (status is < 200 or > 299)
        {
            throw status >= 500 ? XApiErrors.ServerError(endpoint, status) : XApiErrors.RefreshRefused(status, XApiProblem.Read(body));
        }

        var refreshed = ReadToken(body, token.RefreshToken);
        await _store.SaveAsync(refreshed, _options.RefreshToken!, cancellationToken);
        Log.TokenRefreshed(_logger, refreshed.ExpiresAt, _store.Path);
        return refreshed;
    }

    /// <summary><c>{"token_type":"bearer","expires_in":7200,"access_token":…,"scope":…,"refresh_token":…}</c>; the old refresh token stays when none is sent.</summary>
    private OAuth2Token ReadToken(string body, string previousRefreshToken)
    {
        const string endpoint = "POST /2/oauth2/token";
        try
        {
            var root = JsonNode.Parse(body) as JsonObject ?? throw XApiErrors.Malformed(endpoint, "not a JSON object.");
            var access = root["access_token"]?.GetValue<string>() ?? throw XApiErrors.Malformed(endpoint, "no access_token.");
            var refresh = root["refresh_token"]?.GetValue<string>() ?? previousRefreshToken;
            DateTimeOffset? expiresAt = root["expires_in"]?.GetValue<long>() is { } seconds ? _time.GetUtcNow().AddSeconds(seconds) : null;
            return new OAuth2Token(access, refresh, expiresAt);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // The body holds tokens: never quote it.
            throw XApiErrors.Malformed(endpoint, $"unreadable token response ({ex.GetType().Name}).", ex);
        }
    }
}
