using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.X.Browser;

/// <summary>Section <c>XClient</c>: where X is, the account, how its session is kept, and how long to wait for X.</summary>
public sealed class XClientOptions
{
    public const string SectionName = "XClient";

    /// <summary>https://x.com, or the sandbox's address (e.g. http://127.0.0.1:5199).</summary>
    [Required(ErrorMessage = "XClient:BaseUrl is required (https://x.com or the sandbox's address).")]
    public Uri BaseUrl { get; set; } = new("https://x.com");

    /// <summary>True when <see cref="BaseUrl"/> is X itself (x.com or twitter.com), not the sandbox: X's automation rules apply.</summary>
    public bool TargetsRealX =>
        BaseUrl.Host is var host
        && (host.Equals("x.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".x.com", StringComparison.OrdinalIgnoreCase)
            || host.Equals("twitter.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".twitter.com", StringComparison.OrdinalIgnoreCase));

    /// <summary>The account's handle, without the @ (the author of what this client posts).</summary>
    [Required(ErrorMessage = "XClient:Handle is required (it defaults to Account:Handle; the handle without @).")]
    [RegularExpression("^[A-Za-z0-9_]{1,15}$", ErrorMessage = "XClient:Handle must be 1-15 letters, digits or underscores, without @.")]
    public string Handle { get; set; } = "";

    /// <summary>The login name (handle, email or phone), used when no saved session exists (the sandbox; on x.com prefer <c>followerloop x login</c>).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Where the logged-in browser state (cookies) is saved and reused. Keep it private: it is the login.</summary>
    [Required(ErrorMessage = "XClient:StorageStatePath is required (where the logged-in session is saved).")]
    public string StorageStatePath { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "followerloop", "x-session.json");

    /// <summary>
    /// A saved session (Playwright storage state JSON) given as a secret, e.g. from Key Vault: when set,
    /// it replaces the file at <see cref="StorageStatePath"/> when the client first needs the session.
    /// </summary>
    public string? SessionStateJson { get; set; }

    /// <summary>How long a page may take to load.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "XClient:NavigationTimeout must be between 100 ms and 5 minutes.")]
    public TimeSpan NavigationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for an element (the post, the profile header, the composer) once the page loaded.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "XClient:ElementTimeout must be between 100 ms and 5 minutes.")]
    public TimeSpan ElementTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for x.com to confirm a post after clicking Post.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "XClient:PostTimeout must be between 100 ms and 5 minutes.")]
    public TimeSpan PostTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a login may take; with a visible browser (Browser:Headless false) a person can finish extra steps (2FA) meanwhile.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00", ErrorMessage = "XClient:LoginTimeout must be between 1 second and 30 minutes.")]
    public TimeSpan LoginTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest one browser operation (a read, a post) may take as a whole, besides <see cref="LoginTimeout"/> for a login
    /// on the way: Chromium killed mid-step may leave a call that never answers, and a read nobody can cancel held its
    /// checkpoint for ever.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "XClient:OperationTimeout must be between 1 second and 1 hour.")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Pause between keys when typing a post (x.com's composer is typed into, like a person would).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01", ErrorMessage = "XClient:TypingDelay must be between 0 and 1 second.")]
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>How many pages of the warm context may serve operations at once (checkpoints due together); more wait their turn.</summary>
    [Range(1, 8, ErrorMessage = "XClient:MaxPages must be between 1 and 8.")]
    public int MaxPages { get; set; } = 2;

    /// <summary>How long to wait for more posts after scrolling (search, mentions, the account's timeline) before taking what is there.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "XClient:SearchScrollTimeout must be between 100 ms and 1 minute.")]
    public TimeSpan SearchScrollTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
