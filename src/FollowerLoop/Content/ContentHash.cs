using System.Security.Cryptography;
using System.Text;

namespace FollowerLoop.Content;

/// <summary>The dedupe key of content_metadata: SHA-256 of the account and the normalised text.</summary>
public static class ContentHash
{
    public static string Of(string account, string text, string? replyToTweetId = null)
    {
        var key = $"{account.ToLowerInvariant()}\n{replyToTweetId}\n{TextNormalizer.Normalize(text)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
