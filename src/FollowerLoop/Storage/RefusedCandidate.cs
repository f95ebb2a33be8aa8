namespace FollowerLoop.Storage;

/// <summary>A candidate Plan wrote and did not queue, and why (the guard's or the queue's reason).</summary>
public sealed record RefusedCandidate(string Text, string? Format, string? Topic, string Reason);
