namespace FollowerLoop.Worker.Dashboard.Growth;

/// <summary>An attribution method's sum over the range and how many posts it covers.</summary>
public sealed record MethodTotal(string Method, double? Followers, int Posts);
