using System.Globalization;

namespace FollowerLoop.X;

/// <summary>X's post ids are snowflakes: they carry their creation time, in milliseconds since X's epoch, shifted left 22 bits.</summary>
public static class Snowflake
{
    private const long EpochMilliseconds = 1288834974657;

    /// <summary>When the post was created; null for an id that is not a snowflake.</summary>
    public static DateTimeOffset? TimeOf(string tweetId) =>
        long.TryParse(tweetId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds((id >> 22) + EpochMilliseconds)
            : null;
}
