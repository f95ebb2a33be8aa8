using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowerLoop.X.Api;

/// <summary>
/// The refreshed token pair on disk (mode 0600, written to a temporary file then moved, as the
/// browser's session is). X's refresh tokens are single-use, so after the first refresh the
/// configured one is spent and this file is the login. It remembers which configured refresh token
/// it grew from: setting a new one in configuration (a fresh authorization) makes the file stale.
/// </summary>
internal sealed class OAuth2TokenStore(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The saved pair if it grew from <paramref name="configuredRefreshToken"/>; null when absent, stale or unreadable.</summary>
    public async Task<OAuth2Token?> ReadAsync(string configuredRefreshToken, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            await using var file = File.OpenRead(Path);
            var saved = await JsonSerializer.DeserializeAsync<SavedToken>(file, cancellationToken: cancellationToken);
            return saved is { RefreshToken: { Length: > 0 } refresh } && saved.Origin == Fingerprint(configuredRefreshToken)
                ? new OAuth2Token(saved.AccessToken, refresh, saved.ExpiresAt)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task SaveAsync(OAuth2Token token, string configuredRefreshToken, CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new FileStream(temporary, fileOptions))
        {
            var saved = new SavedToken(token.AccessToken, token.RefreshToken, token.ExpiresAt, Fingerprint(configuredRefreshToken));
            await JsonSerializer.SerializeAsync(file, saved, cancellationToken: cancellationToken);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>A hash, so the file never holds the configured token in a second place.</summary>
    private static string Fingerprint(string refreshToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    private sealed record SavedToken(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt,
        [property: JsonPropertyName("configured_refresh_token_sha256")] string? Origin);
}
