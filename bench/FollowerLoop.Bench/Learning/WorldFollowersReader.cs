using System.Globalization;
using FollowerLoop.Sandbox.World;
using FollowerLoop.X;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// The sandbox's followers list for the Followers job, in-process (the benchmark's X is the world itself, as
/// <see cref="WorldXClient"/>): newest first, what the API's list gives, a page from an offset. The clock stands still
/// during a pass, so offsets do not shift.
/// </summary>
internal sealed class WorldFollowersReader(SandboxWorld world) : IFollowersReader
{
    public Task<FollowersPage> ReadPageAsync(string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var list = world.GetFollowerList();
        var start = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var page = list.Skip(start).Take(Math.Clamp(pageSize, 1, 1000)).Select(f => new XFollower(
            f.UserId,
            f.Handle,
            f.DisplayName,
            f.Facts.CreatedAt,
            f.Facts.DefaultProfileImage,
            f.Facts.Bio.Length > 0,
            f.Facts.FollowersCount,
            f.Facts.FollowingCount,
            f.Facts.PostsCount,
            f.Facts.Protected,
            f.Facts.Verified)).ToList();
        var next = start + page.Count < list.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new FollowersPage(page, next));
    }
}
