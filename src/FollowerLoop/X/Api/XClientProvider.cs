namespace FollowerLoop.X.Api;

/// <summary>Setting <c>XClient:Provider</c>: how FollowerLoop reaches X.</summary>
public enum XClientProvider
{
    /// <summary>Playwright driving Chromium on x.com's pages (or the sandbox's).</summary>
    Browser,

    /// <summary>The official X API v2 for everything, with a user token.</summary>
    Api,

    /// <summary>Reads (metrics, profile, search) through the API, posts and replies through the browser.</summary>
    ApiReadsBrowserPosts,
}
