using FollowerLoop.Followers;

namespace FollowerLoop.Tests.Followers;

/// <summary>The rule that decides whether an arrival stayed 1, 7 or 30 days, from when the passes listed it and found it gone.</summary>
public sealed class FollowerRetentionTests
{
    private static readonly DateTimeOffset FirstSeen = new(2026, 10, 20, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    // Still following, listed a month later: retained at every mark.
    [InlineData(31 * 24.0, null, RetentionState.Retained, RetentionState.Retained, RetentionState.Retained)]
    // Listed on day 8, found gone on day 9: it stayed a week, not a month.
    [InlineData(8 * 24.0, 9 * 24.0, RetentionState.Retained, RetentionState.Retained, RetentionState.Gone)]
    // Gone within hours.
    [InlineData(0.0, 12.0, RetentionState.Gone, RetentionState.Gone, RetentionState.Gone)]
    // Listed on day 2, found gone on day 20: it left somewhere in between, so day 7 cannot be told.
    [InlineData(2 * 24.0, 20 * 24.0, RetentionState.Retained, RetentionState.Unknown, RetentionState.Gone)]
    // Listed once and not walked past since (partial passes stop at the first known follower): nothing known.
    [InlineData(0.0, null, RetentionState.Unknown, RetentionState.Unknown, RetentionState.Unknown)]
    // Exactly on the mark counts: listed at 7 days is retained at 7, found gone at 7 days is gone at 7.
    [InlineData(7 * 24.0, null, RetentionState.Retained, RetentionState.Retained, RetentionState.Unknown)]
    [InlineData(1 * 24.0, 7 * 24.0, RetentionState.Retained, RetentionState.Gone, RetentionState.Gone)]
    public void At_ReadsTheMarkFromTheLastListingAndTheDeparture(double lastSeenHours, double? leftHours, RetentionState day1, RetentionState day7, RetentionState day30)
    {
        var lastSeen = FirstSeen.AddHours(lastSeenHours);
        DateTimeOffset? left = leftHours is { } hours ? FirstSeen.AddHours(hours) : null;

        Assert.Equal(
            [day1, day7, day30],
            FollowerRetention.Days.Select(d => FollowerRetention.At(d, FirstSeen, lastSeen, left)));
    }

    [Fact]
    public void Tally_LeavesUnknownsOutOfTheShare_AndHasNoShareWhenNothingIsKnown()
    {
        var tally = RetentionTally.None
            .Add(RetentionState.Retained, 0.5)
            .Add(RetentionState.Retained)
            .Add(RetentionState.Gone, 0.5)
            .Add(RetentionState.Unknown);

        Assert.Equal(0.75, tally.Share);
        Assert.Null(RetentionTally.None.Add(RetentionState.Unknown).Share);
    }
}
