namespace FollowerLoop.X.Api;

/// <summary>
/// Section <c>XApi:OAuth2</c>: an OAuth 2.0 user-context token (authorization code with PKCE) and
/// what refreshing it needs. <c>followerloop x auth</c> writes the first pair to <see cref="TokenStorePath"/>;
/// then <see cref="ClientId"/> and that file are all the client needs. The access token lives two
/// hours; the refresh token is single-use, so each refresh's new pair replaces the file's.
/// </summary>
public sealed class XApiOAuth2Options
{
    public string? AccessToken { get; set; }

    public string? RefreshToken { get; set; }

    /// <summary>The app's OAuth 2.0 client id (the refresh call names it).</summary>
    public string? ClientId { get; set; }

    /// <summary>Only for a confidential client (web app, bot): sent as HTTP Basic on the refresh call.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where a refreshed token pair is kept (mode 0600). Keep it private: it is the login.</summary>
    public string TokenStorePath { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "followerloop", "x-api-token.json");

    /// <summary>X's consent page, where <c>x auth</c> sends the account's owner.</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://x.com/i/oauth2/authorize");

    /// <summary>Where X sends the browser back with the code; must equal a callback URL registered for the app. Nothing needs to listen there: the address bar is copied.</summary>
    public Uri RedirectUri { get; set; } = new("http://127.0.0.1:8723/callback");

    public bool IsSet =>
        !string.IsNullOrEmpty(AccessToken) || !string.IsNullOrEmpty(RefreshToken) || !string.IsNullOrEmpty(ClientId) || !string.IsNullOrEmpty(ClientSecret);
}
