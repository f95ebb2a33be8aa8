namespace FollowerLoop.Sandbox;

/// <summary>Settings of one sandbox instance. Checked by <see cref="SandboxOptionsValidator"/> before the app is built.</summary>
public sealed class SandboxOptions
{
    /// <summary>Where to listen; loopback only. Port 0 picks a free port (read it with <see cref="SandboxApp.GetBaseAddress"/>).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5199";

    /// <summary>The account FollowerLoop logs into (letters, digits and underscores; up to 20, where x.com allows 15).</summary>
    public string Handle { get; set; } = "fl_demo";

    public string DisplayName { get; set; } = "FollowerLoop Demo";

    public string Password { get; set; } = "sandbox-password";

    /// <summary>The confirmation code the <see cref="SandboxFaultMode.Challenge"/> fault asks for after a correct password.</summary>
    public string ChallengeCode { get; set; } = "424242";

    /// <summary>Bearer token of the <c>/admin</c> API (ground truth; never given to the worker).</summary>
    public string AdminToken { get; set; } = "sandbox-admin";

    /// <summary>Bearer token the X API v2 subset under <c>/2</c> accepts (besides access tokens from its own OAuth 2.0 token endpoint).</summary>
    public string ApiToken { get; set; } = "sandbox-api-token";

    /// <summary>Seeds the audience's hidden weights and every random draw; same seed and same posts at the same times give the same outcomes.</summary>
    public int AudienceSeed { get; set; } = 1;

    /// <summary>A JSON audience profile replacing the built-in priors (same schema as Audience/audience.default.json); null for the default.</summary>
    public string? AudienceFile { get; set; }

    public SandboxClockMode Clock { get; set; } = SandboxClockMode.Real;

    /// <summary>Simulated seconds per real second when <see cref="Clock"/> is <see cref="SandboxClockMode.Accelerated"/>.</summary>
    public double Factor { get; set; } = 3600;

    /// <summary>The simulated start: where accelerated and stepped clocks begin, and hour zero of the organic follower drift.</summary>
    public DateTimeOffset Epoch { get; set; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The real moment <see cref="Epoch"/> corresponds to in accelerated mode; null means when the app is built.
    /// Give the worker the same value so both build the same clock.</summary>
    public DateTimeOffset? RealStart { get; set; }

    /// <summary>Applied to every request that carries no fault of its own (per request header/query or admin queue).</summary>
    public SandboxFaultMode DefaultFault { get; set; } = SandboxFaultMode.None;

    /// <summary>Real milliseconds the <see cref="SandboxFaultMode.Slow"/> fault waits before answering.</summary>
    public int SlowMs { get; set; } = 3000;

    /// <summary>
    /// Real milliseconds every X API request (<c>/2/*</c>) waits before it is answered, faults included: a simulated round
    /// trip to api.x.com, which loopback hides (the scrape bench's 100 ms). 0, the default, answers at once.
    /// </summary>
    public int ApiLatencyMs { get; set; }

    /// <summary>What a rate-limited response tells the client to wait (Retry-After).</summary>
    public TimeSpan RateLimitRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a login lasts, on the sandbox clock.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Whether the API answers <c>GET /2/tweets/analytics</c> (per-post follows and unfollows, which X lists for Enterprise
    /// access); otherwise it refuses with 403 as X does for other access levels.
    /// </summary>
    public bool PostAnalytics { get; set; }

    /// <summary>A text equal to one of the account's posts this recent is refused as a duplicate (x.com error 187).</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromDays(7);
}
