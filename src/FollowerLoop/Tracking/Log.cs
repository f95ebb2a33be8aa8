using FollowerLoop.Storage;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Tracking;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Checkpoint {Phase} of post {PostId} measured ({Lateness} after due, virtual time)")]
    public static partial void CheckpointMeasured(ILogger logger, string postId, CheckpointPhase phase, TimeSpan lateness);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Checkpoint {Phase} of post {PostId}: attempt {Attempt} failed, retrying in {Delay}: {Reason}")]
    public static partial void CheckpointRetry(ILogger logger, string postId, CheckpointPhase phase, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Checkpoint {Phase} of post {PostId} recorded as failed after {Attempt} attempt(s): {Reason}")]
    public static partial void CheckpointFailed(ILogger logger, string postId, CheckpointPhase phase, int attempt, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Checkpoint {Phase} for post {PostId}, which is not in posted_decisions: skipped")]
    public static partial void CheckpointForUnknownPost(ILogger logger, string postId, CheckpointPhase phase);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Reconciler: post {PostId} had no tracking scheduled; scheduled {Count} phase(s)")]
    public static partial void TrackingRepaired(ILogger logger, string postId, int count);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Reconciler: checkpoint {Phase} of post {PostId} is overdue with no result; running it now")]
    public static partial void OverdueCheckpoint(ILogger logger, string postId, CheckpointPhase phase);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Analytics: metrics of post {PostId} could not be read ({Reason}); its latest values are left as they were")]
    public static partial void AnalyticsReadFailed(ILogger logger, string postId, string reason);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Checkpoint 2h of post {PostId} is recorded, but the early-velocity call failed")]
    public static partial void EarlyCallFailed(ILogger logger, string postId, Exception exception);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Checkpoint {Phase} of post {PostId}: attempt {Attempt} failed, the orchestration retries in {Delay}: {Reason}")]
    public static partial void DurableCheckpointRetry(ILogger logger, string postId, string phase, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Tracking of post {PostId} started as orchestration {InstanceId} ({Count} phase(s))")]
    public static partial void TrackingOrchestrationStarted(ILogger logger, string postId, string instanceId, int count);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Debug, Message = "Tracking of post {PostId}: orchestration {InstanceId} is already {Status}; not started again")]
    public static partial void TrackingOrchestrationExists(ILogger logger, string postId, string instanceId, string status);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Checkpoint {Phase} of post {PostId} waits for a new login (`followerloop x login`), trying again every {Interval}: {Reason}")]
    public static partial void CheckpointAwaitsLogin(ILogger logger, string postId, CheckpointPhase phase, TimeSpan interval, string reason);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Tracking of post {PostId}: orchestration {InstanceId} has made no progress since {Since:O} (its wake-up was lost); replacing it for the phases with no result")]
    public static partial void TrackingOrchestrationStuck(ILogger logger, string postId, string instanceId, DateTimeOffset since);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "Tracking of post {PostId}: orchestration {InstanceId} was told to terminate but had not within {Wait}; the reconciler's next run takes it from there")]
    public static partial void TerminationNotYetProcessed(ILogger logger, string postId, string instanceId, TimeSpan wait);
}
