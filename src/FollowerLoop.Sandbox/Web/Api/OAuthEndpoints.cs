using Microsoft.Extensions.Logging;

namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>
/// OAuth 2.0 with PKCE, X's flow: <c>GET /i/oauth2/authorize</c> approves at once (the sandbox has one user) and
/// redirects to <c>redirect_uri?state=…&amp;code=…</c>; <c>POST /2/oauth2/token</c> redeems the code with its verifier
/// or spends a refresh token.
/// </summary>
internal static class OAuthEndpoints
{
    public static IEndpointRouteBuilder MapOAuthAuthorize(this IEndpointRouteBuilder app)
    {
        app.MapGet("/i/oauth2/authorize", Authorize);
        return app;
    }

    public static async Task<IResult> TokenAsync(HttpContext context, ApiTokenStore tokens, ILogger<ApiTokenStore> logger, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return ApiProblems.OAuthError("Missing required parameter [grant_type].");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var grantType = form["grant_type"].ToString();
        var clientId = form["client_id"].ToString();
        if (clientId.Length == 0)
        {
            return Refuse(logger, grantType, "Missing required parameter [client_id].");
        }

        IssuedTokens? issued;
        switch (grantType)
        {
            case "authorization_code":
                issued = tokens.Redeem(form["code"].ToString(), form["code_verifier"].ToString(), form["redirect_uri"].ToString(), clientId);
                if (issued is null)
                {
                    return Refuse(logger, grantType, "Value passed for the authorization code was invalid.");
                }

                break;
            case "refresh_token":
                issued = tokens.Refresh(form["refresh_token"].ToString(), clientId);
                if (issued is null)
                {
                    return Refuse(logger, grantType, "Value passed for the token was invalid.");
                }

                break;
            default:
                return Refuse(logger, grantType, "Value passed for the grant type was invalid.");
        }

        Log.TokensIssued(logger, clientId, grantType);
        var answer = new Dictionary<string, object>
        {
            ["token_type"] = "bearer",
            ["expires_in"] = (long)ApiTokenStore.AccessTokenLifetime.TotalSeconds,
            ["access_token"] = issued.AccessToken,
            ["scope"] = issued.Scope,
        };
        if (issued.RefreshToken is { } refresh)
        {
            answer["refresh_token"] = refresh;
        }

        return Results.Json(answer);
    }

    private static IResult Authorize(HttpContext context, ApiTokenStore tokens)
    {
        var query = context.Request.Query;
        var redirectUri = query["redirect_uri"].ToString();
        var method = query["code_challenge_method"].ToString();
        var challenge = query["code_challenge"].ToString();
        if (query["response_type"] != "code" || query["client_id"].ToString().Length == 0
            || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https")
            || challenge.Length == 0 || method is not ("S256" or "plain"))
        {
            return Results.BadRequest("Something went wrong: response_type=code, client_id, an absolute http(s) redirect_uri, code_challenge and code_challenge_method (S256 or plain) are required.");
        }

        var code = tokens.CreateCode(query["client_id"].ToString(), redirectUri, query["scope"].ToString(), challenge, method);
        var separator = redirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{redirectUri}{separator}state={Uri.EscapeDataString(query["state"].ToString())}&code={Uri.EscapeDataString(code)}");
    }

    private static IResult Refuse(ILogger logger, string grantType, string reason)
    {
        Log.TokenRefused(logger, grantType, reason);
        return ApiProblems.OAuthError(reason);
    }
}
