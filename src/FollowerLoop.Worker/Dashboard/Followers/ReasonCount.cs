namespace FollowerLoop.Worker.Dashboard.Followers;

/// <summary>A rule that lowered arrivals' quality, and how many arrivals in the range it lowered.</summary>
public sealed record ReasonCount(string Reason, int Arrivals);
