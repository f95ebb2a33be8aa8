namespace FollowerLoop.X;

/// <summary>The outcome of <see cref="TweetLength.Check"/>: the weighted length and, when refused, why.</summary>
public sealed record TweetLengthCheck(int WeightedLength, string? Problem)
{
    public bool IsAcceptable => Problem is null;
}
