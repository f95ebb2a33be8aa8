namespace FollowerLoop.X.Parsing;

/// <summary>A profile's counts and bio; null when the page did not show them. Page texts are usually rounded ("393.2K").</summary>
public sealed record ParsedProfile(string Handle, CompactNumber? Followers, CompactNumber? Following, string? Bio = null)
{
    public ProfileStats ToStats(DateTimeOffset readAt) =>
        new(Handle, Followers?.Value, Following?.Value, FollowersExact: Followers?.IsExact ?? false, readAt, Bio);
}
