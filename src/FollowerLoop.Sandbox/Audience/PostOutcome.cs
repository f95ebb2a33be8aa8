namespace FollowerLoop.Sandbox.Audience;

/// <summary>The hidden fate of one post, fixed when it is published: its totals at 48 hours.</summary>
/// <param name="Appeal">The deterministic appeal from text and context.</param>
/// <param name="Noise">The post's own luck, added to the appeal.</param>
/// <param name="Totals">Engagement reached at 48 hours.</param>
/// <param name="Follows">Followers it brings by 48 hours.</param>
/// <param name="Unfollows">Followers it loses by 48 hours.</param>
/// <param name="Viral">Whether its reach was multiplied (the profile's <c>appeal.viral</c>).</param>
/// <param name="ProfileClicks">Visits to the account's profile from the post by 48 hours (every follower's among them).</param>
/// <param name="LinkClicks">Clicks on the post's link by 48 hours.</param>
public sealed record PostOutcome(double Appeal, double Noise, XComEngagementCounts Totals, long Follows, long Unfollows, bool Viral, long ProfileClicks, long LinkClicks)
{
    /// <summary>The post's true follower gain at 48 hours: follows minus unfollows, possibly negative.</summary>
    public long NetFollows => Follows - Unfollows;
}
