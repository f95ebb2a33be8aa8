using FollowerLoop.Storage;

namespace FollowerLoop.Tracking;

/// <summary>
/// The engine seam for tracking: Hangfire's delayed jobs (<see cref="CheckpointScheduler"/>) or one
/// Durable orchestration per post (<see cref="Durable.DurableCheckpointScheduler"/>).
/// </summary>
public interface ICheckpointScheduler
{
    /// <summary>Schedules every phase of the post that has no row yet, then marks its tracking as scheduled.</summary>
    Task StartTrackingAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, CancellationToken cancellationToken);

    /// <summary>Gets the overdue phases of a post whose tracking was scheduled measured as soon as possible.</summary>
    Task CatchUpAsync(PostRecord post, IReadOnlySet<CheckpointPhase> alreadyRecorded, IReadOnlyList<CheckpointPhase> overdue, CancellationToken cancellationToken);
}
