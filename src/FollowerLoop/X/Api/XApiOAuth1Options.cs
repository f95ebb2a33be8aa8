namespace FollowerLoop.X.Api;

/// <summary>Section <c>XApi:OAuth1</c>: an OAuth 1.0a user-context key set (the app's consumer pair and the account's access pair); it does not expire.</summary>
public sealed class XApiOAuth1Options
{
    public string? ConsumerKey { get; set; }

    public string? ConsumerSecret { get; set; }

    public string? AccessToken { get; set; }

    public string? AccessTokenSecret { get; set; }

    public bool IsSet =>
        !string.IsNullOrEmpty(ConsumerKey) || !string.IsNullOrEmpty(ConsumerSecret) || !string.IsNullOrEmpty(AccessToken) || !string.IsNullOrEmpty(AccessTokenSecret);

    public bool IsComplete =>
        !string.IsNullOrEmpty(ConsumerKey) && !string.IsNullOrEmpty(ConsumerSecret) && !string.IsNullOrEmpty(AccessToken) && !string.IsNullOrEmpty(AccessTokenSecret);
}
