using FollowerLoop.Sandbox.World;
using FollowerLoop.X;

namespace FollowerLoop.Bench.Learning;

/// <summary>Who liked a post (<see cref="BenchReads.Api"/> and up), in process: what the sandbox's <c>GET /2/tweets/:id/liking_users</c> lists.</summary>
internal sealed class WorldLikingUsers(SandboxWorld world) : ILikingUsersReader
{
    public bool Available => true;

    public Task<LikingUsers?> ReadAsync(string postId, CancellationToken cancellationToken) =>
        Task.FromResult<LikingUsers?>(LikingUsers.Listed(postId, [.. world.GetListedLikingUsers(postId).Select(liker => liker.UserId)]));
}
