using System.Security.Cryptography;
using System.Text;

namespace FollowerLoop.Content;

/// <summary>
/// The dedupe key of content_metadata: SHA-256 of the account and the normalised text. A reply's
/// target is not part of it: x.com refuses the same text twice whatever it replies to.
/// </summary>
public static class ContentHash
{
    public static string Of(string account, string text)
    {
        var key = $"{account.ToLowerInvariant()}\n{TextNormalizer.Normalize(text)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
