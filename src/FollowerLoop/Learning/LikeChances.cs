namespace FollowerLoop.Learning;

/// <summary>
/// The chance that a new follower had liked the post that brought them (<paramref name="Bringer"/>), and that they had
/// liked each other listed post out before they followed by how many posts it stands from that one in the account's
/// posts (<paramref name="Other"/>, one per <see cref="Slot"/>: a follower may like the next post too), the last slot
/// for posts farther apart and for followers no post brought.
/// </summary>
public sealed record LikeChances(double Bringer, double[] Other)
{
    /// <summary>Posts this many apart or nearer, either way, each have a chance of their own.</summary>
    public const int Near = 2;

    public const int Slots = (2 * Near) + 1;

    /// <summary>The chance of liking the post right after the one that brought them.</summary>
    public double Next => Other[Slot(1)];

    /// <summary>The chance of liking a post farther apart, or any post for a follower no post brought.</summary>
    public double Farther => Other[^1];

    /// <summary>The slot of a post <paramref name="apart"/> posts after the one that brought them (before, if negative).</summary>
    public static int Slot(int apart) => apart switch
    {
        < 0 and >= -Near => apart + Near,
        > 0 and <= Near => apart + Near - 1,
        _ => Slots - 1,
    };
}
