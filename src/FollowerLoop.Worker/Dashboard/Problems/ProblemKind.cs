namespace FollowerLoop.Worker.Dashboard.Problems;

/// <summary>The kinds of problem the problems page lists, as its query names them.</summary>
public static class ProblemKind
{
    /// <summary>A reply the guards refused (stored rejected with why); a person's rejection is a decision, not listed.</summary>
    public const string Refused = "refused";

    /// <summary>A post Plan wrote, or a thread part the Viral thread job wrote, that the guards or the queue refused (kept 30 days).</summary>
    public const string CandidateRefused = "candidate_refused";

    /// <summary>An item Posting gave up on: X refused it for good, or it broke a rule only posting checks.</summary>
    public const string PostFailed = "post_failed";

    /// <summary>A queued item whose last attempt failed (X's answer kept): Posting tries it again.</summary>
    public const string PostRetry = "post_retry";

    /// <summary>A checkpoint recorded failed after its last attempt: a value could not be read.</summary>
    public const string CheckpointFailed = "checkpoint_failed";

    /// <summary>A timer-job run that ended in an error.</summary>
    public const string JobFailed = "job_failed";

    /// <summary>Each kind, with what its count (plural) and one of its rows (singular) are called.</summary>
    public static IReadOnlyList<(string Kind, string Label, string One)> All { get; } =
    [
        (Refused, "Replies refused by the guards", "Reply refused by a guard"),
        (CandidateRefused, "Candidates refused (Plan, daily thread)", "Candidate refused"),
        (PostFailed, "Failed posts", "Post failed"),
        (PostRetry, "Post attempts to retry", "Attempt failed, will retry"),
        (CheckpointFailed, "Failed checkpoints", "Checkpoint failed"),
        (JobFailed, "Failed job runs", "Job run failed"),
    ];

    public static string One(string kind) => All.FirstOrDefault(k => k.Kind == kind).One ?? kind;
}
