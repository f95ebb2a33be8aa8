namespace FollowerLoop.X;

/// <summary>
/// The users X lists as having liked a post; <paramref name="Complete"/> is false when the list may be cut: X lists at
/// most <see cref="MostListed"/> a post, for all time, however many liked it.
/// </summary>
public sealed record LikingUsers(string PostId, IReadOnlyList<string> UserIds, bool Complete)
{
    public const int MostListed = 100;

    /// <summary>The list as X gave it: complete when it holds fewer than <see cref="MostListed"/>.</summary>
    public static LikingUsers Listed(string postId, IReadOnlyList<string> userIds) => new(postId, userIds, userIds.Count < MostListed);
}
