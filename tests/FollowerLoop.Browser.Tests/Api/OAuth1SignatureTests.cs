using FollowerLoop.X.Api;

namespace FollowerLoop.Browser.Tests.Api;

/// <summary>The worked example of X's "Creating a signature" page (developer.x.com), and RFC 3986 encoding.</summary>
public sealed class OAuth1SignatureTests
{
    private static readonly XApiOAuth1Options Keys = new()
    {
        ConsumerKey = "xvz1evFS4wEEPTGEFPHBog",
        ConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
        AccessToken = "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
        AccessTokenSecret = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
    };

    private static readonly Uri Url = new("https://api.twitter.com/1.1/statuses/update.json?include_entities=true");

    private static readonly KeyValuePair<string, string>[] Form = [KeyValuePair.Create("status", "Hello Ladies + Gentlemen, a signed OAuth request!")];

    [Fact]
    public void AuthorizationHeader_XDocsExample_HasTheDocumentedSignature()
    {
        var header = OAuth1Signature.AuthorizationHeader(Keys, "POST", Url, Form, "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", 1318622958);

        Assert.Equal(
            "OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", oauth_nonce=\"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg\", " +
            "oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1318622958\", " +
            "oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\", oauth_version=\"1.0\"",
            header);
    }

    [Theory]
    [InlineData("Ladies + Gentlemen", "Ladies%20%2B%20Gentlemen")]
    [InlineData("An encoded string!", "An%20encoded%20string%21")]
    [InlineData("Dogs, Cats & Mice", "Dogs%2C%20Cats%20%26%20Mice")]
    [InlineData("☃", "%E2%98%83")]
    [InlineData("a-b.c_d~e", "a-b.c_d~e")]
    public void Encode_PercentEncodesAllButUnreserved(string value, string encoded) =>
        Assert.Equal(encoded, OAuth1Signature.Encode(value));
}
