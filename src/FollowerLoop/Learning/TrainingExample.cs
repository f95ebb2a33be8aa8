namespace FollowerLoop.Learning;

/// <summary>One model row: features, the label (followers per 10,000) and what is needed to read errors in followers.</summary>
/// <param name="OutlierGroup">The rows a label is compared with before training (<see cref="LabelFence"/>); null: never capped.</param>
public sealed record TrainingExample(string PostId, DateTimeOffset PostedAt, float[] Features, float Label, long FollowersAtPost, string? OutlierGroup = null);
