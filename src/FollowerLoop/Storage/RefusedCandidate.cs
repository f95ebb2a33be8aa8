namespace FollowerLoop.Storage;

/// <summary>
/// A candidate a job wrote and did not queue, and why (the guard's or the queue's reason): a post Plan wrote or a part of
/// the daily thread (<paramref name="Kind"/>, a <see cref="ContentKind"/>).
/// </summary>
public sealed record RefusedCandidate(string Text, string? Format, string? Topic, string Reason, string Kind = ContentKind.Post);
