using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.Posting;

/// <summary>Section <c>Posting</c>: the safety limits of the Posting job.</summary>
public sealed class PostingOptions
{
    public const string SectionName = "Posting";

    /// <summary>The kill switch: false stops all posting (planning and tracking go on).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Goes through every step but the click, logging what would be posted; each item is then taken off the queue (cancelled, "dry run").</summary>
    public bool DryRun { get; set; }

    [Range(0, 50, ErrorMessage = "Posting:DailyPostCap must be between 0 and 50.")]
    public int DailyPostCap { get; set; } = 10;

    [Range(0, 200, ErrorMessage = "Posting:DailyReplyCap must be between 0 and 200.")]
    public int DailyReplyCap { get; set; } = 20;

    /// <summary>Least time between two top-level posts, a post or a thread's first part alike (replies and a thread's later parts are not spaced).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Posting:MinSpacing must be between 0 and 1 day.")]
    public TimeSpan MinSpacing { get; set; } = TimeSpan.FromMinutes(45);

    /// <summary>At most this many items per run, so one run stays short.</summary>
    [Range(1, 20, ErrorMessage = "Posting:MaxPerRun must be between 1 and 20.")]
    public int MaxPerRun { get; set; } = 3;

    /// <summary>Attempts of one item before it is failed for good.</summary>
    [Range(1, 10, ErrorMessage = "Posting:MaxAttempts must be between 1 and 10.")]
    public int MaxAttempts { get; set; } = 3;
}
