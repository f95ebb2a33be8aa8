namespace FollowerLoop.X;

/// <summary>
/// Who liked one of the account's own posts (X API <c>GET /2/tweets/:id/liking_users</c>; likes are private on X, but
/// a post's author sees its likers). A new follower who liked a post before following is evidence of what brought them,
/// which the follower count alone cannot give.
/// </summary>
public interface ILikingUsersReader
{
    /// <summary>False when asking cannot succeed: X refused the endpoint (403) once already, or the client reads pages.</summary>
    bool Available { get; }

    /// <returns>The likers X lists (at most <see cref="LikingUsers.MostListed"/>); null when X does not give them to this account.</returns>
    Task<LikingUsers?> ReadAsync(string postId, CancellationToken cancellationToken);
}
