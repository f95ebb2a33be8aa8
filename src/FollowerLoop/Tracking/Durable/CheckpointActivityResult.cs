namespace FollowerLoop.Tracking.Durable;

/// <param name="Outcome">A <see cref="CheckpointOutcomeKind"/> name.</param>
/// <param name="RetryAfter">For a retry: when X said to come back, in real time (null: back off as usual).</param>
/// <param name="Reason">Why the read failed, if it did.</param>
public sealed record CheckpointActivityResult(string Outcome, TimeSpan? RetryAfter, string? Reason);
