namespace FollowerLoop.Worker.Dashboard.Growth;

/// <summary>
/// One of the range's best posts and what it was: format, topic, the local hour it went out, its likes in the first
/// two hours (the early velocity), and its gain by the best attribution method it has.
/// </summary>
public sealed record BestPost(
    string PostId, DateTimeOffset PostedAt, string Text, string? Format, string? Topic, int LocalHour, long? Likes2h, string Method, double Followers);
