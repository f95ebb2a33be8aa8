using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.X.Browser;

/// <summary>Section <c>Browser</c>: the Chromium that Playwright drives (Debian's; Playwright never downloads one).</summary>
public sealed class BrowserOptions
{
    public const string SectionName = "Browser";

    [Required(ErrorMessage = "Browser:ExecutablePath is required (a Chromium binary, e.g. /usr/bin/chromium).")]
    public string ExecutablePath { get; set; } = "/usr/bin/chromium";

    public bool Headless { get; set; } = true;

    /// <summary>How long Chromium may take to start.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Browser:LaunchTimeout must be between 1 second and 5 minutes.")]
    public TimeSpan LaunchTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
