using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Followers;

/// <summary>
/// An account's followers, newest first, as the API's followers list and x.com's followers page list them: only the
/// sandbox account's followers are modelled (a seeded account's list is empty).
/// </summary>
internal static class FollowerList
{
    public static IReadOnlyList<SandboxFollower> Of(SandboxWorld world, string handle) =>
        string.Equals(handle, world.Account.Handle, StringComparison.OrdinalIgnoreCase) ? world.GetFollowerList() : [];

    /// <summary>Up to <paramref name="count"/> followers after <paramref name="after"/> (null: from the newest), and whether more follow them.</summary>
    public static (IReadOnlyList<SandboxFollower> Page, bool HasMore) Read(IReadOnlyList<SandboxFollower> followers, FollowerPosition? after, int count)
    {
        var start = after is { } position ? FirstAfter(followers, position) : 0;
        var page = followers.Skip(start).Take(count).ToList();
        return (page, start + page.Count < followers.Count);
    }

    /// <summary>The index of the first follower listed after <paramref name="after"/> (the list is sorted, so a binary search).</summary>
    private static int FirstAfter(IReadOnlyList<SandboxFollower> followers, FollowerPosition after)
    {
        var (low, high) = (0, followers.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = after.IsBefore(followers[middle]) ? (low, middle) : (middle + 1, high);
        }

        return low;
    }
}
