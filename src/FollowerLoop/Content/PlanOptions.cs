using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.Content;

/// <summary>Section <c>Plan</c>: how many candidates are written and kept per run, and what the Reply and Thread jobs target.</summary>
public sealed class PlanOptions
{
    public const string SectionName = "Plan";

    [Range(2, 100, ErrorMessage = "Plan:CandidateCount must be between 2 and 100.")]
    public int CandidateCount { get; set; } = 12;

    [Range(1, 10, ErrorMessage = "Plan:Keep must be between 1 and 10.")]
    public int Keep { get; set; } = 2;

    /// <summary>Time between the planned items of one run (virtual time).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00", ErrorMessage = "Plan:Spacing must be between 1 minute and 12 hours.")]
    public TimeSpan Spacing { get; set; } = TimeSpan.FromMinutes(80);

    /// <summary>What the Reply job searches for (keywords, or <c>from:handle</c>).</summary>
    public IList<string> ReplyTargets { get; set; } = ["ai", "startups"];

    [Range(0, 20, ErrorMessage = "Plan:RepliesPerRun must be between 0 and 20.")]
    public int RepliesPerRun { get; set; } = 2;

    /// <summary>Random seed for the template generator; unset means a different run each time.</summary>
    public int? Seed { get; set; }
}
