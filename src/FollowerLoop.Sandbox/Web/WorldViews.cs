using System.Globalization;
using System.Text;
using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web;

/// <summary>Turns world objects into what pages and API responses show, at a given moment.</summary>
internal static class WorldViews
{
    public static TweetView Own(SandboxWorld world, SandboxPost post, DateTimeOffset now) =>
        new(post.Id, world.Account.Handle, world.Account.DisplayName, post.Text, post.PostedAt, world.GetMetrics(post, now), ParentHandle(world, post.InReplyToId), post.InReplyToId);

    public static TweetView Other(SandboxWorld world, OtherPost post, DateTimeOffset now) =>
        new(post.Id, post.Author.Handle, post.Author.DisplayName, post.Text, post.PostedAt, world.GetMetrics(post, now), null, null);

    /// <summary>A reply, mention or quote by another account; a quote holds the account's post it quotes.</summary>
    public static TweetView Summons(SandboxWorld world, SummoningPost post, DateTimeOffset now)
    {
        var target = post.TargetId is { } id && world.FindPost(id) is { } own ? Own(world, own, now) : null;
        return post.Kind == SummonKind.Quote
            ? new(post.Id, post.Handle, post.DisplayName, post.Text, post.PostedAt, XComEngagementCounts.Zero, null, null, target)
            : new(post.Id, post.Handle, post.DisplayName, post.Text, post.PostedAt, XComEngagementCounts.Zero, target?.Handle, post.TargetId);
    }

    /// <summary>Any post the sandbox can show by id: the account's, a seeded account's, or one that summons the account.</summary>
    public static TweetView? FindTweet(SandboxWorld world, string id, DateTimeOffset now)
    {
        if (world.FindPost(id) is { } own && own.PostedAt <= now)
        {
            return Own(world, own, now);
        }

        if (world.FindOtherPost(id) is { } other && other.PostedAt <= now)
        {
            return Other(world, other, now);
        }

        return world.FindSummons(id) is { } summons && summons.PostedAt <= now ? Summons(world, summons, now) : null;
    }

    public static UserView? FindUser(SandboxWorld world, string handle, DateTimeOffset now)
    {
        var account = world.Account;
        if (string.Equals(handle, account.Handle, StringComparison.OrdinalIgnoreCase))
        {
            return new UserView(RestIdOf(account.Handle), account.Handle, account.DisplayName, account.Bio, world.GetFollowers(now),
                account.Following, world.GetStatusesCount(now), account.Joined, IsSandboxAccount: true);
        }

        return SandboxWorld.FindOtherAccount(handle) is { } other
            ? new UserView(RestIdOf(other.Handle), other.Handle, other.DisplayName, other.Bio, other.Followers, other.Following,
                world.GetStatusesCount(other, now), world.Epoch.AddYears(-4), IsSandboxAccount: false)
            : null;
    }

    /// <summary>The account or seeded account whose rest_id (as UserByScreenName gives it) is <paramref name="restId"/>.</summary>
    public static UserView? FindUserById(SandboxWorld world, string restId, DateTimeOffset now)
    {
        var handle = SandboxWorld.OtherAccounts.Select(account => account.Handle).Prepend(world.Account.Handle)
            .FirstOrDefault(handle => RestIdOf(handle) == restId);
        return handle is null ? null : FindUser(world, handle, now);
    }

    /// <summary>A stable numeric user id per handle (x.com's rest_id), derived with FNV-1a.</summary>
    public static string RestIdOf(string handle)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(handle.ToLowerInvariant()))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return (1_000_000_000UL + (hash % 9_000_000_000UL)).ToString(CultureInfo.InvariantCulture);
    }

    private static string? ParentHandle(SandboxWorld world, string? parentId)
    {
        if (parentId is null)
        {
            return null;
        }

        return world.FindPost(parentId) is not null ? world.Account.Handle : world.FindOtherPost(parentId)?.Author.Handle ?? world.FindSummons(parentId)?.Handle;
    }
}
