using System.Text.Json;
using FollowerLoop.Content;
using FollowerLoop.Learning;
using FollowerLoop.Storage;

namespace FollowerLoop.Tests.Learning;

public sealed class TrainingExamplesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static TrainingRow Row(string id, int hour, double? attributed, double? learned) => new()
    {
        PostId = id,
        DecisionId = Guid.NewGuid(),
        Account = "me",
        Kind = ContentKind.Post,
        Format = "list",
        Topic = "productivity",
        Hook = "number",
        Features = JsonSerializer.Serialize(ContentFeatures.Of("3 habits that compound")),
        PostedAt = Monday.AddHours(hour),
        HourOfDay = (short)(9 + hour),
        DayOfWeek = 1,
        FollowersAtPost = 10_000,
        AttributedFollowers = attributed,
        LearnedFollowers = learned,
        ComputedAt = Monday.AddDays(3),
    };

    [Fact]
    public void ForGain_LearnsWhatThePostWasDue_NotItsCredit_AndSkipsAPostWithoutIt()
    {
        // The first post's credit went below zero (its share of an interval's surprise); what it was due did not.
        var rows = new[] { Row("a", 0, attributed: -3, learned: 2), Row("b", 3, attributed: 9, learned: 7.5), Row("c", 6, attributed: 4, learned: null) };

        var examples = TrainingExamples.ForGain(rows, TimeZoneInfo.Utc);

        Assert.Equal(["a", "b"], examples.Select(e => e.PostId));
        Assert.Equal([ModelLabel.FromGain(2, 10_000), ModelLabel.FromGain(7.5, 10_000)], examples.Select(e => e.Label));
    }
}
