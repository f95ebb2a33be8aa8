namespace FollowerLoop.Worker.Dashboard.Followers;

/// <summary>The latest pass over X's followers list: when it ended and whether it read the whole list.</summary>
public sealed record LastPass(DateTimeOffset FinishedAt, string Kind);
