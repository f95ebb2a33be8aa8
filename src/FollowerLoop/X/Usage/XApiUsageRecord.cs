namespace FollowerLoop.X.Usage;

/// <summary>One answered X API request: what it cost and whom to charge it to.</summary>
public sealed record XApiUsageRecord(string Account, DateOnly Day, string Job, string Endpoint, XApiPriceCategory Category, int Resources, decimal CostUsd);
