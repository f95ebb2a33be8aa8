using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace FollowerLoop.X.Api;

/// <summary>
/// The token pair on disk (mode 0600, see <see cref="PrivateFile"/>), written by <c>followerloop x auth</c>
/// and after each refresh. X's refresh tokens are single-use, so this file is the login. It remembers
/// which configured refresh token it grew from, if any: setting a new one in configuration (an
/// authorization made elsewhere) makes the file stale; with none configured the file is the token.
/// </summary>
internal sealed class OAuth2TokenStore(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>
    /// The saved pair if it grew from <paramref name="configuredRefreshToken"/>, or any saved pair when
    /// none is configured; null when absent, stale or unreadable.
    /// </summary>
    public async Task<OAuth2Token?> ReadAsync(string? configuredRefreshToken, CancellationToken cancellationToken)
    {
        var saved = await PrivateFile.ReadJsonAsync<SavedToken>(Path, cancellationToken);
        var fromConfigured = string.IsNullOrEmpty(configuredRefreshToken) || saved?.Origin == Fingerprint(configuredRefreshToken);
        return saved is { RefreshToken: { Length: > 0 } refresh } && fromConfigured
            ? new OAuth2Token(saved.AccessToken, refresh, saved.ExpiresAt)
            : null;
    }

    /// <param name="token">The pair to keep.</param>
    /// <param name="configuredRefreshToken">The refresh token in configuration it grew from; null when it came from <c>x auth</c> (or grew from such a pair).</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public Task SaveAsync(OAuth2Token token, string? configuredRefreshToken, CancellationToken cancellationToken) =>
        PrivateFile.WriteJsonAsync(Path, new SavedToken(token.AccessToken, token.RefreshToken, token.ExpiresAt, Fingerprint(configuredRefreshToken)), cancellationToken);

    /// <summary>A hash, so the file never holds the configured token in a second place; null when none is configured.</summary>
    private static string? Fingerprint(string? refreshToken) =>
        string.IsNullOrEmpty(refreshToken) ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    private sealed record SavedToken(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt,
        [property: JsonPropertyName("configured_refresh_token_sha256")] string? Origin);
}
