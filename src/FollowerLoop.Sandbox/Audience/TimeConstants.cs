namespace FollowerLoop.Sandbox.Audience;

/// <summary>Hours of each metric's accrual curve (engagement: exponential; follows: Erlang-2, so they lag).</summary>
public sealed record TimeConstants
{
    public required double Views { get; init; }

    public required double Likes { get; init; }

    public required double Reposts { get; init; }

    public required double Replies { get; init; }

    public required double Bookmarks { get; init; }

    public required double Follows { get; init; }
}
