using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.World;

/// <summary>A post of a seeded account; <see cref="Totals"/> are its counts at 48 hours.</summary>
public sealed record OtherPost(string Id, OtherAccount Author, string Text, DateTimeOffset PostedAt, XComEngagementCounts Totals);
