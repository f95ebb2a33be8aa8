namespace FollowerLoop.Worker.Dashboard.Timeline;

/// <summary>The post a timeline is about.</summary>
public sealed record TimelinePost(
    string PostId,
    DateTimeOffset PostedAt,
    DateTimeOffset? TrackingScheduledAt,
    string Kind,
    string Text,
    string? Format,
    string? Topic,
    string? Hook,
    string? Policy,
    double? PredictedGain,
    double? PredictedGain2h);
