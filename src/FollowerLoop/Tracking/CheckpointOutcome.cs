namespace FollowerLoop.Tracking;

/// <summary>What one checkpoint attempt did.</summary>
public enum CheckpointOutcomeKind
{
    /// <summary>Both readings were taken and upserted.</summary>
    Measured,

    /// <summary>The last attempt failed: the phase is recorded as failed, with NULL values.</summary>
    Failed,

    /// <summary>A retryable failure before the last attempt: nothing was written; try again later.</summary>
    Retry,

    /// <summary>Nothing to do: the phase was already measured, or the post is unknown.</summary>
    Skipped,
}

/// <param name="Kind">What the attempt did.</param>
/// <param name="RetryAfter">For <see cref="CheckpointOutcomeKind.Retry"/>: when X said to come back (a rate limit's reset), virtual time.</param>
/// <param name="Reason">Why it failed or must be retried.</param>
/// <param name="AwaitingLogin">A retry that waits for a person to log in again: not counted as an attempt.</param>
public sealed record CheckpointOutcome(CheckpointOutcomeKind Kind, TimeSpan? RetryAfter = null, string? Reason = null, bool AwaitingLogin = false);
