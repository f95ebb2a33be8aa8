namespace FollowerLoop.Sandbox.Audience;

/// <summary>
/// Who the followers are and whether they stay (the profile's optional <c>followers</c> section). Without
/// <see cref="LeaveChance"/> or <see cref="BotLeaveChance"/> nobody leaves on their own, and the follower count is
/// what it was before followers were individuals.
/// </summary>
public sealed record FollowersProfile
{
    /// <summary>Share of new followers who are bot-like: a young account, a default picture, no bio, following thousands.</summary>
    public double BotShare { get; init; } = 0.08;

    /// <summary>Per format name, the chance that a follower a post of that format brought leaves later (unlisted: none).</summary>
    public IReadOnlyDictionary<string, double> LeaveChance { get; init; } = new Dictionary<string, double>();

    /// <summary>The chance that a bot-like follower a post brought leaves later, whatever the post.</summary>
    public double BotLeaveChance { get; init; }

    /// <summary>Mean days from following to leaving, for those who leave (exponential).</summary>
    public double MeanDaysBeforeLeaving { get; init; } = 5;

    /// <summary>The <see cref="LeaveChance"/> of a format (names match whatever their case; unlisted: 0).</summary>
    public double LeaveChanceOf(Text.PostFormat format) =>
        LeaveChance.FirstOrDefault(entry => string.Equals(entry.Key, format.ToString(), StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Whether any follower a post brings may leave on their own.</summary>
    public bool AnyLeave => BotLeaveChance > 0 || LeaveChance.Values.Any(chance => chance > 0);
}
