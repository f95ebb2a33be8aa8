namespace FollowerLoop.Bench.Tracking;

/// <summary>One size's result: both designs on the same posts, and the crash-recovery measurement when a crash was staged.</summary>
internal sealed record TrackingOutcome(
    int Posts,
    double Factor,
    LatenessSummary FollowerLoop,
    double PeakCheckpointsPerSecond,
    LatenessSummary Polling,
    int? CrashCaught,
    double? CrashRecoveryLatenessSeconds);
