namespace FollowerLoop.Worker.Dashboard.Growth;

/// <summary>
/// A row of the best-method pass: a post's gain by the best method it has, with that method's total over the range when
/// the row heads its method, and whether it is among the range's best posts.
/// </summary>
public sealed record RankedGain(
    string PostId, DateTimeOffset PostedAt, string Text, string? Format, string? Topic, int LocalHour, long? Likes2h, string Method, double Followers,
    double MethodFollowers, int MethodPosts, int MethodRank, bool HeadsMethod, bool IsBest)
{
    public BestPost Post => new(PostId, PostedAt, Text, Format, Topic, LocalHour, Likes2h, Method, Followers);
}
