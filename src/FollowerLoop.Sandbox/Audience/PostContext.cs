namespace FollowerLoop.Sandbox.Audience;

/// <summary>The circumstances of a post that matter to the audience besides its text.</summary>
/// <param name="At">When it is posted.</param>
/// <param name="Followers">The account's followers at that moment (reach scales with them).</param>
/// <param name="SameFormatRecent">The account's own posts of the same format within the fatigue window before it.</param>
/// <param name="HoursSincePrevious">Hours since the account's previous own post; null when there is none.</param>
/// <param name="IsReply">A reply to another account's post.</param>
/// <param name="PostsInPreviousDay">The account's own posts (not replies to others) in the 24 hours before it.</param>
public sealed record PostContext(DateTimeOffset At, long Followers, int SameFormatRecent, double? HoursSincePrevious, bool IsReply, int PostsInPreviousDay);
