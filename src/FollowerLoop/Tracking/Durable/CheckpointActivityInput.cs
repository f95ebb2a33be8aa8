namespace FollowerLoop.Tracking.Durable;

/// <param name="PostId">The tweet id.</param>
/// <param name="Phase">The <c>collection_phase</c> value.</param>
/// <param name="Attempt">1 for the first read.</param>
/// <param name="LastAttempt">Record a failure instead of asking for a retry.</param>
public sealed record CheckpointActivityInput(string PostId, string Phase, int Attempt, bool LastAttempt);
