using System.Globalization;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Web.Followers;

/// <summary>
/// A place in the followers list: the follower a page ended with (when they followed, and who). Pages continue from it,
/// so followers who arrive between two pages do not shift the next one. The API and GraphQL write it differently.
/// </summary>
internal readonly record struct FollowerPosition(long Ticks, long Index)
{
    public static FollowerPosition Of(SandboxFollower follower) => new(follower.FollowedAt.UtcTicks, follower.Index);

    public string Format(char separator) => string.Create(CultureInfo.InvariantCulture, $"{Ticks}{separator}{Index}");

    public static bool TryParse(string text, char separator, out FollowerPosition position)
    {
        position = default;
        var parts = text.Split(separator);
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return false;
        }

        position = new FollowerPosition(ticks, index);
        return true;
    }

    /// <summary>Listed after this position: newest first, so followed earlier, or at the same time with a lower index.</summary>
    public bool IsBefore(SandboxFollower follower) =>
        follower.FollowedAt.UtcTicks < Ticks || (follower.FollowedAt.UtcTicks == Ticks && follower.Index < Index);
}
