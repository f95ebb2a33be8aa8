using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FollowerLoop.X.Api;

/// <summary>
/// OAuth 1.0a HMAC-SHA1 request signing (RFC 5849 §3.4–3.5), as X documents it in "Creating a
/// signature" and "Authorizing a request". A JSON body is not signed; only query and form parameters are.
/// </summary>
internal static class OAuth1Signature
{
    /// <summary>The <c>Authorization: OAuth …</c> header value for one request.</summary>
    public static string AuthorizationHeader(
        XApiOAuth1Options keys,
        string method,
        Uri url,
        IEnumerable<KeyValuePair<string, string>> formParameters,
        string nonce,
        long timestamp)
    {
        var oauth = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["oauth_consumer_key"] = keys.ConsumerKey!,
            ["oauth_nonce"] = nonce,
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["oauth_token"] = keys.AccessToken!,
            ["oauth_version"] = "1.0",
        };
        var parameters = oauth.Concat(QueryParameters(url)).Concat(formParameters);
        oauth["oauth_signature"] = Sign(keys.ConsumerSecret!, keys.AccessTokenSecret!, method, url, parameters);
        return "OAuth " + string.Join(", ", oauth.Select(pair => $"{Encode(pair.Key)}=\"{Encode(pair.Value)}\""));
    }

    /// <summary>The base64 HMAC-SHA1 of the signature base string, keyed with the two secrets.</summary>
    public static string Sign(string consumerSecret, string tokenSecret, string method, Uri url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var normalized = string.Join("&", parameters
            .Select(pair => (Key: Encode(pair.Key), Value: Encode(pair.Value)))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}={pair.Value}"));
        var baseString = $"{method.ToUpperInvariant()}&{Encode(BaseUri(url))}&{Encode(normalized)}";
        var key = Encoding.ASCII.GetBytes($"{Encode(consumerSecret)}&{Encode(tokenSecret)}");
        return Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.ASCII.GetBytes(baseString)));
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8 bytes: everything but ALPHA, DIGIT, '-', '.', '_', '~'.</summary>
    public static string Encode(string value)
    {
        var encoded = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return encoded.ToString();
    }

    /// <summary>Scheme and host lower-case, the port only when not the default, the path; no query (§3.4.1.2).</summary>
    private static string BaseUri(Uri url) =>
        $"{url.Scheme.ToLowerInvariant()}://{url.Host.ToLowerInvariant()}{(url.IsDefaultPort ? "" : $":{url.Port}")}{url.AbsolutePath}";

    private static IEnumerable<KeyValuePair<string, string>> QueryParameters(Uri url) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Select(pair => KeyValuePair.Create(Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : ""));
}
