using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.Tracking;

/// <summary>Section <c>Tracking</c>: how checkpoints retry and when a missed one is caught up.</summary>
public sealed class TrackingOptions
{
    public const string SectionName = "Tracking";

    /// <summary>Reads of a checkpoint before it is recorded as failed (visible, NULL values, never 0).</summary>
    [Range(1, 10, ErrorMessage = "Tracking:MaxAttempts must be between 1 and 10.")]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first retry's delay (virtual time); each next one doubles.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Tracking:RetryBaseDelay must be between 1 second and 1 hour.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after its due time a checkpoint waits for a new login when X has sent the session to its login page (or a
    /// challenge, or a lock) before it is recorded as failed (virtual time). Such a wait is not an attempt: the read says
    /// nothing about the post, and a person may take hours to run <c>followerloop x login</c>. 0: fail at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "2.00:00:00", ErrorMessage = "Tracking:LoginWait must be between 0 and 2 days (a post's tracking).")]
    public TimeSpan LoginWait { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often a checkpoint waiting for a login tries again (virtual time): one page load each.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "06:00:00", ErrorMessage = "Tracking:LoginRetryInterval must be between 1 minute and 6 hours.")]
    public TimeSpan LoginRetryInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Real time after its due moment at which a checkpoint with no row is run by the reconciler's sweep; longer than
    /// the retry chain (1 + 2 + 4 minutes by default), checked at start.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "06:00:00", ErrorMessage = "Tracking:OverdueGrace must be between 10 seconds and 6 hours.")]
    public TimeSpan OverdueGrace { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Real time an orchestration may go without progress past its next due moment before the reconciler replaces it
    /// (terminated, started again for the phases with no row): its wake-up was lost, as when Azurite is killed before it
    /// saves its last writes. Longer than the engine's own redelivery after a crash (checked at start) and than a
    /// checkpoint's longest activity (its reads, each up to <c>XClient:OperationTimeout</c> + <c>LoginTimeout</c>): a read
    /// still running when its orchestration is replaced is read again by the new one, the later reading kept.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "1.00:00:00", ErrorMessage = "Tracking:StuckAfter must be between 30 seconds and 1 day.")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>A profile read is reused by every checkpoint due within this window (virtual time).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Tracking:ProfileReuseWindow must be at most 10 minutes.")]
    public TimeSpan ProfileReuseWindow { get; set; } = TimeSpan.FromMinutes(1);
}
