using FollowerLoop.Storage;
using FollowerLoop.Worker.Dashboard.Shared;

namespace FollowerLoop.Worker.Dashboard.Timeline;

/// <summary>One checkpoint of the post: when it was due and what it recorded (if anything).</summary>
public sealed record TimelinePhase(CheckpointPhase Phase, DateTimeOffset DueAt, PhaseState State, CheckpointRecord? Record);
