namespace FollowerLoop.Tracking.Durable;

/// <summary>
/// One post's tracking. Due times and delays are real time (the orchestration's clock): in accelerated
/// mode the starter has already converted them, so the orchestration never knows about the virtual clock.
/// </summary>
/// <param name="PostId">The tweet id.</param>
/// <param name="Phases">The phases still to measure, in order, each with its due time.</param>
/// <param name="MaxAttempts">Reads of a phase before its failure is recorded.</param>
/// <param name="RetryBaseDelay">The first retry's delay; each next one doubles.</param>
public sealed record TrackPostInput(string PostId, IReadOnlyList<PhaseDue> Phases, int MaxAttempts, TimeSpan RetryBaseDelay);
