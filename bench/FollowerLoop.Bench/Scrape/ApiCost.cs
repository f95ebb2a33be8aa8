namespace FollowerLoop.Bench.Scrape;

/// <summary>What one way of reading <see cref="ApiScrapeBench.Checkpoints"/> checkpoints through the API cost: requests sent and wall time.</summary>
internal sealed record ApiCost(int Requests, double Milliseconds);
