namespace FollowerLoop.X.Usage;

/// <summary>A job's X API requests, billed resources and cost on one UTC day.</summary>
public sealed record XApiSpendRow(DateOnly Day, string Job, long Requests, long Resources, decimal CostUsd);
