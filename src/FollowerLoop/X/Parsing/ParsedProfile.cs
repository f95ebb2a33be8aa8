namespace FollowerLoop.X.Parsing;

/// <summary>A profile's counts; null when the page did not show them. Page texts are usually rounded ("393.2K").</summary>
public sealed record ParsedProfile(string Handle, CompactNumber? Followers, CompactNumber? Following)
{
    public ProfileStats ToStats(DateTimeOffset readAt) =>
        new(Handle, Followers?.Value, Following?.Value, FollowersExact: Followers?.IsExact ?? false, readAt);
}
