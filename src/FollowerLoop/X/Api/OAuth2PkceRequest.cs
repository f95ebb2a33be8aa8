using System.Text.Json.Serialization;

namespace FollowerLoop.X.Api;

/// <summary>
/// One authorization in progress: the PKCE verifier (kept here, never sent until the exchange), its
/// S256 challenge, the state that ties X's answer to this request, and the URL to open.
/// </summary>
public sealed record OAuth2PkceRequest(
    [property: JsonPropertyName("code_verifier")] string Verifier,
    [property: JsonPropertyName("code_challenge")] string Challenge,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("redirect_uri")] Uri RedirectUri,
    [property: JsonPropertyName("authorize_url")] Uri AuthorizeUrl);
