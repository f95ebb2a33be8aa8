namespace FollowerLoop.Followers;

/// <summary>The part of an arrival credited to a post (0–1; an arrival's parts sum to at most 1, the rest organic).</summary>
public sealed record ArrivalShare(string UserId, string PostId, double Share);
