using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Api;

/// <summary>
/// A usable user token, and only one: the API is reached only through it, and an app-only bearer
/// token would fail at the first post, hours after start. Never echoes a secret.
/// </summary>
internal sealed partial class XApiOptionsValidator : IValidateOptions<XApiOptions>
{
    private const string HowToGetAUserToken =
        "set XApi:OAuth2:ClientId and run `followerloop x auth` (OAuth 2.0 with PKCE; it writes the token file XApi:OAuth2:TokenStorePath), or set XApi:OAuth2:RefreshToken with the ClientId " +
        "or all four of XApi:OAuth1:ConsumerKey, ConsumerSecret, AccessToken, AccessTokenSecret";

    /// <summary>App-only bearer tokens are URL-encoded and start with a run of A's (a zero-padded app id).</summary>
    private const string AppOnlyTokenPrefix = "AAAAAAAAAAAAAAAAAAAAA";

    public ValidateOptionsResult Validate(string? name, XApiOptions options)
    {
        var failures = new List<string>();
        ValidateAddress("XApi:BaseUrl", options.BaseUrl, "https://api.x.com", failures);

        if (options.UserId is { Length: > 0 } userId && !Digits().IsMatch(userId))
        {
            failures.Add("XApi:UserId must be the account's numeric id (digits), or unset to read it from /2/users/me.");
        }

        if (!string.IsNullOrEmpty(options.BearerToken))
        {
            failures.Add($"XApi:BearerToken is an app-only token and x.com refuses posts made with it: remove it and {HowToGetAUserToken}.");
        }

        ValidateTokens(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateTokens(XApiOptions options, List<string> failures)
    {
        var oauth2 = options.OAuth2;
        var oauth1 = options.OAuth1;
        if (oauth2.IsSet && oauth1.IsSet)
        {
            failures.Add("XApi:OAuth2 and XApi:OAuth1 are both set: keep one user token.");
            return;
        }

        if (!oauth2.IsSet && !oauth1.IsSet)
        {
            if (string.IsNullOrEmpty(options.BearerToken))
            {
                failures.Add($"XApi needs a user token: {HowToGetAUserToken}.");
            }

            return;
        }

        if (oauth2.IsSet)
        {
            ValidateOAuth2Client(oauth2, failures);
            if (string.IsNullOrEmpty(oauth2.RefreshToken) && !string.IsNullOrWhiteSpace(oauth2.TokenStorePath) && !File.Exists(oauth2.TokenStorePath))
            {
                failures.Add($"XApi:OAuth2 has no token: the token file XApi:OAuth2:TokenStorePath '{oauth2.TokenStorePath}' does not exist and XApi:OAuth2:RefreshToken is not set. " +
                    "Run `followerloop x auth` to authorize the account (it writes that file).");
            }

            if (oauth2.AccessToken?.StartsWith(AppOnlyTokenPrefix, StringComparison.Ordinal) == true)
            {
                failures.Add($"XApi:OAuth2:AccessToken looks like an app-only bearer token, which x.com refuses for posting: {HowToGetAUserToken}.");
            }
        }
        else if (!oauth1.IsComplete)
        {
            failures.Add("XApi:OAuth1 needs all four of ConsumerKey, ConsumerSecret, AccessToken and AccessTokenSecret (the app's keys and the account's access token, from the developer portal).");
        }
    }

    public static void ValidateAddress(string setting, Uri? address, string example, List<string> failures)
    {
        if (address is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            failures.Add($"{setting} '{url}' must be an absolute http(s) address ({example}).");
        }
    }

    /// <summary>What both the API client and <c>x auth</c> need: the app's client id and where the token file goes.</summary>
    public static void ValidateOAuth2Client(XApiOAuth2Options oauth2, List<string> failures)
    {
        if (string.IsNullOrEmpty(oauth2.ClientId))
        {
            failures.Add("XApi:OAuth2:ClientId is required (the app's OAuth 2.0 client id, from the developer portal's user authentication settings).");
        }

        if (string.IsNullOrWhiteSpace(oauth2.TokenStorePath))
        {
            failures.Add("XApi:OAuth2:TokenStorePath is required (where the token pair is kept).");
        }
    }

    [GeneratedRegex("^[0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();
}
