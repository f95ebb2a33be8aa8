using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Web;

namespace FollowerLoop.X.Api;

/// <summary>
/// The PKCE pieces of the authorization code flow (RFC 7636) and reading X's answer. Pure: no I/O.
/// </summary>
public static class OAuth2Pkce
{
    /// <summary>What FollowerLoop asks for: read and write posts, read users, read who liked its posts, and a refresh token.</summary>
    public const string Scope = "tweet.read tweet.write users.read like.read offline.access";

    /// <summary>32 random bytes: a 43-character verifier, the shortest RFC 7636 allows and as strong as it recommends.</summary>
    private const int VerifierBytes = 32;

    private const int StateBytes = 16;

    /// <summary>A pasted query string without its address still counts as the redirect.</summary>
    private static readonly string[] RedirectParameters = ["code=", "state=", "error="];

    public static OAuth2PkceRequest Create(Uri authorizeUrl, string clientId, Uri redirectUri)
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(VerifierBytes));
        var challenge = Challenge(verifier);
        var state = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(StateBytes));
        var query = string.Join("&", new (string Name, string Value)[]
        {
            ("response_type", "code"),
            ("client_id", clientId),
            ("redirect_uri", redirectUri.ToString()),
            ("scope", Scope),
            ("state", state),
            ("code_challenge", challenge),
            ("code_challenge_method", "S256"),
        }.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
        return new OAuth2PkceRequest(verifier, challenge, state, redirectUri, new Uri($"{authorizeUrl.GetLeftPart(UriPartial.Path)}?{query}"));
    }

    /// <summary>S256: base64url (no padding) of the SHA-256 of the verifier's ASCII bytes.</summary>
    public static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>
    /// The code from what the person pasted: the whole redirect URL (its <c>state</c> must be
    /// <paramref name="expectedState"/>; an <c>error</c> from X is reported) or the bare code.
    /// </summary>
    /// <exception cref="XClientException">X refused, the state does not match, or there is no code.</exception>
    public static string ReadCode(string answer, string expectedState)
    {
        var text = answer.Trim();
        var isRedirect = text.Contains('?', StringComparison.Ordinal) || RedirectParameters.Any(p => text.StartsWith(p, StringComparison.Ordinal));
        if (!isRedirect)
        {
            return text.Length > 0 && !text.Any(char.IsWhiteSpace)
                ? text
                : throw XApiErrors.AuthorizationAnswerInvalid("paste the whole address X sent the browser to, or the value of its code parameter.");
        }

        var parameters = HttpUtility.ParseQueryString(text.Contains('?', StringComparison.Ordinal) ? text[(text.IndexOf('?', StringComparison.Ordinal) + 1)..] : text);
        if (parameters["error"] is { Length: > 0 } error)
        {
            throw XApiErrors.AuthorizationDenied(error, parameters["error_description"]);
        }

        if (!string.Equals(parameters["state"], expectedState, StringComparison.Ordinal))
        {
            throw XApiErrors.AuthorizationAnswerInvalid("its state does not match the one this authorization sent (an old or foreign redirect). Run `followerloop x auth` again.");
        }

        return parameters["code"] is { Length: > 0 } code
            ? code
            : throw XApiErrors.AuthorizationAnswerInvalid("the address has no code parameter.");
    }
}
