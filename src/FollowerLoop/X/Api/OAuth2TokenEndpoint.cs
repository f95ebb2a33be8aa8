using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FollowerLoop.X.Api;

/// <summary>
/// <c>POST /2/oauth2/token</c>: both the code exchange (<c>x auth</c>) and the refresh go through here.
/// A confidential client authenticates with HTTP Basic (client id : secret); a public one names its client id.
/// </summary>
internal sealed class OAuth2TokenEndpoint(IHttpClientFactory http, XApiOAuth2Options options, TimeProvider time)
{
    public const string Endpoint = "POST /2/oauth2/token";

    /// <param name="form">The grant's fields; <c>client_id</c> is added.</param>
    /// <param name="previousRefreshToken">Kept when X sends no new refresh token.</param>
    /// <param name="refused">The error for a 4xx answer.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<OAuth2Token> RequestAsync(
        Dictionary<string, string> form,
        string? previousRefreshToken,
        Func<int, XApiProblem, XClientException> refused,
        CancellationToken cancellationToken)
    {
        form["client_id"] = options.ClientId!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "2/oauth2/token") { Content = new FormUrlEncodedContent(form) };
        if (options.ClientSecret is { Length: > 0 } secret)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(options.ClientId!)}:{Uri.EscapeDataString(secret)}")));
        }

        var client = http.CreateClient(XApiHttp.ClientName);
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
            throw XApiErrors.Unreachable(Endpoint, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw XApiErrors.TimedOut(Endpoint, client.Timeout, ex);
        }

        if (status is < 200 or > 299)
        {
            throw status >= 500 ? XApiErrors.ServerError(Endpoint, status) : refused(status, XApiProblem.Read(body));
        }

        return ReadToken(body, previousRefreshToken);
    }

    /// <summary><c>{"token_type":"bearer","expires_in":7200,"access_token":…,"scope":…,"refresh_token":…}</c>.</summary>
    private OAuth2Token ReadToken(string body, string? previousRefreshToken)
    {
        try
        {
            var root = JsonNode.Parse(body) as JsonObject ?? throw XApiErrors.Malformed(Endpoint, "not a JSON object.");
            var access = root["access_token"]?.GetValue<string>() ?? throw XApiErrors.Malformed(Endpoint, "no access_token.");
            var refresh = root["refresh_token"]?.GetValue<string>() ?? previousRefreshToken
                ?? throw XApiErrors.Malformed(Endpoint, "no refresh_token (was the offline.access scope granted?).");
            DateTimeOffset? expiresAt = root["expires_in"]?.GetValue<long>() is { } seconds ? time.GetUtcNow().AddSeconds(seconds) : null;
            return new OAuth2Token(access, refresh, expiresAt);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // The body holds tokens: never quote it.
            throw XApiErrors.Malformed(Endpoint, $"unreadable token response ({ex.GetType().Name}).", ex);
        }
    }
}
