namespace FollowerLoop.Followers;

/// <summary>A pass as <c>follower_passes</c> keeps it: its kind ("partial" or "full"), times, requests and the estimate shown before a full pass.</summary>
/// <param name="PreviousPassAt">When the pass before started: this pass's arrivals followed after it (null on the first pass ever).</param>
public sealed record FollowerPassRecord(string Kind, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int Requests, decimal? EstimatedCostUsd, DateTimeOffset? PreviousPassAt)
{
    public const string Full = "full";
    public const string Partial = "partial";
}
