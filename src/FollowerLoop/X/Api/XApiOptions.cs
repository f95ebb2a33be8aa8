using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.X.Api;

/// <summary>
/// Section <c>XApi</c>: the official X API v2, used when <c>XClient:Provider</c> is <c>Api</c> or
/// <c>ApiReadsBrowserPosts</c>. It needs a user token, OAuth 2.0 (<see cref="OAuth2"/>) or
/// OAuth 1.0a (<see cref="OAuth1"/>): x.com refuses to post with an app-only bearer token.
/// </summary>
public sealed class XApiOptions
{
    public const string SectionName = "XApi";

    [Required(ErrorMessage = "XApi:BaseUrl is required (https://api.x.com).")]
    public Uri BaseUrl { get; set; } = new("https://api.x.com");

    /// <summary>The account's numeric id; when not set it is read once from <c>GET /2/users/me</c>.</summary>
    public string? UserId { get; set; }

    public XApiOAuth2Options OAuth2 { get; set; } = new();

    public XApiOAuth1Options OAuth1 { get; set; } = new();

    /// <summary>Only here to be refused with a clear message: an app-only token cannot post.</summary>
    public string? BearerToken { get; set; }

    /// <summary>How long one HTTP call may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "XApi:RequestTimeout must be between 1 second and 5 minutes.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When an endpoint's rate-limit window is used up, wait for its reset if it comes within this
    /// time; otherwise fail at once with a retryable error carrying the reset (the job reschedules).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:15:00", ErrorMessage = "XApi:MaxRateLimitWait must be between 0 and 15 minutes.")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a metrics read waits for others to join its request (real time): checkpoints due
    /// together then cost one <c>GET /2/tweets?ids=</c> of up to 100 ids instead of one call each.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05", ErrorMessage = "XApi:MetricsBatchWindow must be between 0 and 5 seconds.")]
    public TimeSpan MetricsBatchWindow { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Ask for <c>non_public_metrics</c>/<c>organic_metrics</c> (exact impressions) on the account's own posts under 30 days.</summary>
    public bool ReadNonPublicMetrics { get; set; } = true;
}
