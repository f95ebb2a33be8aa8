namespace FollowerLoop.X;

/// <summary>
/// Where a post's likers are not read: the browser provider (x.com lists them on the post's likes page to its author,
/// and that page is not read). Attribution goes by the follower count alone.
/// </summary>
internal sealed class NoLikingUsers : ILikingUsersReader
{
    public bool Available => false;

    public Task<LikingUsers?> ReadAsync(string postId, CancellationToken cancellationToken) => Task.FromResult<LikingUsers?>(null);
}
