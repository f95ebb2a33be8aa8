using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>The profile keys that make appeal depend on when and how often the account posts: drift, saturation, and the timing keys.</summary>
public sealed class AppealOverTimeTests
{
    private const int Digits = 10;
    private const string Drift = """{"appeal":{"drift":{"sdPerWeek":0.2}}}""";

    [Fact]
    public void Drift_StepsFormatAndTopicWeightsOncePerWeek()
    {
        var model = AudienceFactory.Model(Drift, seed: 3);
        var format = PostFormat.Thread;
        double Week(int week, int day = 0) => model.FormatWeight(format, WorldFactory.Epoch.AddDays((7 * week) + day));

        Assert.Equal(model.Parameters.Format[format], Week(0, day: 6));
        Assert.Equal(Week(1), Week(1, day: 6));
        var weeks = Enumerable.Range(0, 6).Select(week => Week(week)).ToList();
        Assert.Equal(weeks.Count, weeks.Distinct().Count());
        var steps = weeks.Zip(weeks.Skip(1), (before, after) => Math.Abs(after - before)).ToList();
        Assert.All(steps, step => Assert.InRange(step, 1e-6, 1.0));
        Assert.NotEqual(model.Parameters.Topic[PostTopic.Ai], model.TopicWeight(PostTopic.Ai, WorldFactory.Epoch.AddDays(14)));
    }

    [Fact]
    public void Drift_MovesAPostsAppeal_AndIsRepeatable()
    {
        var features = AudienceFactory.Thread;
        var model = AudienceFactory.Model(Drift, seed: 3);
        var laterWeek = AudienceFactory.Noon.AddDays(21);

        // The same weekday and hour three weeks on: only the format and topic weights have moved.
        var moved = model.Appeal(features, AudienceFactory.Alone(laterWeek)) - model.Appeal(features, AudienceFactory.Alone(AudienceFactory.Noon));
        var drifted = model.FormatWeight(features.Format, laterWeek) - model.Parameters.Format[features.Format]
            + model.TopicWeight(features.Topic, laterWeek) - model.Parameters.Topic[features.Topic];

        Assert.Equal(drifted, moved, Digits);
        Assert.NotEqual(0, moved, Digits);

        // Asked in another order, or by another model with the same seed: the same walk.
        var again = AudienceFactory.Model(Drift, seed: 3);
        Assert.Equal(model.FormatWeight(features.Format, laterWeek), again.FormatWeight(features.Format, laterWeek));
        Assert.Equal(model.Appeal(features, AudienceFactory.Alone(laterWeek)), again.Appeal(features, AudienceFactory.Alone(laterWeek)));
        double WalkedBy(int seed)
        {
            var other = AudienceFactory.Model(Drift, seed);
            return other.FormatWeight(features.Format, laterWeek) - other.Parameters.Format[features.Format];
        }

        Assert.Equal(WalkedBy(3), WalkedBy(3));
        Assert.NotEqual(WalkedBy(3), WalkedBy(4));
    }

    [Fact]
    public void WithoutDrift_WeightsStayPut()
    {
        var model = AudienceFactory.Model();

        Assert.Equal(model.Parameters.Format[PostFormat.List], model.FormatWeight(PostFormat.List, WorldFactory.Epoch.AddDays(60)));
        Assert.Equal(model.Parameters.Topic[PostTopic.Health], model.TopicWeight(PostTopic.Health, WorldFactory.Epoch.AddDays(60)));
    }

    [Fact]
    public void Saturation_PenalisesEachPostBeyondTheDailyNumber()
    {
        var (saturated, saturatedClock) = WorldFactory.WithAudience("""{"appeal":{"saturation":{"postsPerDay":2,"penaltyPerExtra":0.4}}}""");
        var (plain, plainClock) = WorldFactory.WithAudience("{}");

        // Four posts 4 hours apart (past the 2-hour crowding), each of another format (no fatigue), then a day's pause.
        var gaps = new[] { 4, 4, 4, 4, 4, 30 };
        var penalties = new List<double>();
        var previousDay = new List<int>();
        for (var i = 0; i < gaps.Length; i++)
        {
            saturatedClock.Advance(TimeSpan.FromHours(gaps[i]));
            plainClock.Advance(TimeSpan.FromHours(gaps[i]));
            var text = WorldFactory.Texts[i];
            var post = saturated.Publish(text);
            penalties.Add(plain.Publish(text).Outcome.Appeal - post.Outcome.Appeal);
            previousDay.Add(post.Context.PostsInPreviousDay);
        }

        Assert.Equal([0, 1, 2, 3, 4, 0], previousDay);
        Assert.Equal([0, 0, 0.4, 0.8, 1.2, 0], penalties.Select(penalty => Math.Round(penalty, Digits)));
    }

    [Fact]
    public void TimingKeys_AreFreeToVary()
    {
        var features = AudienceFactory.Thread;
        var hourCurve = $"[{string.Join(", ", Enumerable.Range(0, 24).Select(hour => hour / 10.0))}]";
        var india = AudienceFactory.Model($$$"""{"account":{"utcOffsetHours":5.5},"appeal":{"hourCurve":{{{hourCurve}}}}}""");
        var utc = AudienceFactory.Model($$$"""{"account":{"utcOffsetHours":0},"appeal":{"hourCurve":{{{hourCurve}}}}}""");
        var at = WorldFactory.Epoch.AddDays(1).AddMinutes(45);

        // 00:45 UTC is 06:15 in UTC+5:30, the same Tuesday.
        Assert.Equal(0.6, india.Appeal(features, AudienceFactory.Alone(at)) - utc.Appeal(features, AudienceFactory.Alone(at)), Digits);

        var slowFade = AudienceFactory.Model("""{"appeal":{"crowdingHours":6}}""");
        var threeHoursAfter = AudienceFactory.Alone(AudienceFactory.Noon) with { HoursSincePrevious = 3 };
        Assert.Equal(
            slowFade.Parameters.Crowding * 0.5,
            slowFade.Appeal(features, AudienceFactory.Alone(AudienceFactory.Noon)) - slowFade.Appeal(features, threeHoursAfter),
            Digits);

        var (world, clock) = WorldFactory.WithAudience("""{"appeal":{"fatigueWindowHours":72}}""");
        world.Publish("🧵 Part one of a long thread:");
        clock.Advance(TimeSpan.FromHours(60));
        Assert.Equal(1, world.Publish("🧵 Part two, sixty hours later:").Context.SameFormatRecent);
    }
}
