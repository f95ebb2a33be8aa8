namespace FollowerLoop.Tracking.Durable;

/// <param name="Outcome">A <see cref="CheckpointOutcomeKind"/> name.</param>
/// <param name="RetryAfter">For a retry: when X said to come back, in real time (null: back off as usual).</param>
/// <param name="Reason">Why the read failed, if it did.</param>
/// <param name="AwaitingLogin">A retry that waits for a new login: the next try keeps the attempt's number.</param>
public sealed record CheckpointActivityResult(string Outcome, TimeSpan? RetryAfter, string? Reason, bool AwaitingLogin = false);
