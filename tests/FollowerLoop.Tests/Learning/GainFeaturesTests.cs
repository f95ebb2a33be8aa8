using FollowerLoop.Content;
using FollowerLoop.Learning;

namespace FollowerLoop.Tests.Learning;

public sealed class GainFeaturesTests
{
    private static readonly DateTimeOffset Tuesday6pm = new(2026, 3, 3, 18, 0, 0, TimeSpan.Zero);

    private static float Value(float[] vector, string name) => vector[GainFeatures.Names.ToList().IndexOf(name)];

    [Fact]
    public void Build_SetsTheLabelsOneHots_TheirInteraction_AndTheTextFeatures()
    {
        var post = new PostDescription("list", "ai", "number", ContentFeatures.Of("5 AI lessons:\n1. Prompts\n2. Evals\n3. Agents #AI"));

        var v = GainFeatures.Build(post, PostTiming.Alone(Tuesday6pm), TimeZoneInfo.Utc);

        Assert.Equal(GainFeatures.Count, v.Length);
        Assert.Equal((1f, 1f, 1f), (Value(v, "format=list"), Value(v, "topic=ai"), Value(v, "hook=number")));
        Assert.Equal(0f, Value(v, "format=story"));
        Assert.True(Value(v, "format=list&topic=ai") > 0);
        Assert.Equal(0f, Value(v, "format=list&topic=coding"));
        Assert.Equal((1f, 0f), (Value(v, "has_number"), Value(v, "has_question")));
        Assert.Equal((1f, 0f), (Value(v, "hashtags>=1"), Value(v, "hashtags>=2")));
        Assert.Equal(1f, Value(v, "weekday=tuesday"));
    }

    [Fact]
    public void Build_Length_IsSharedBetweenTheTwoNearestKnots_AndClampedAtTheEnds()
    {
        var post = new PostDescription("list", "ai", "number", ContentFeatures.Of(new string('a', 50)));

        var v = GainFeatures.Build(post, PostTiming.Alone(Tuesday6pm), TimeZoneInfo.Utc);
        var longer = GainFeatures.Build(post with { Content = ContentFeatures.Of(new string('a', 280) + " " + new string('b', 200)) }, PostTiming.Alone(Tuesday6pm), TimeZoneInfo.Utc);

        // 50 lies a quarter of the way from the knot at 40 to the one at 80.
        Assert.Equal((0.75f, 0.25f), (Value(v, "length@40"), Value(v, "length@80")));
        Assert.Equal(1f, GainFeatures.Names.Where(n => n.StartsWith("length@", StringComparison.Ordinal)).Sum(n => Value(v, n)), 5);
        Assert.Equal(1f, Value(longer, "length@280"));
    }

    [Fact]
    public void Build_CountsAreSteps_SoACapIsLearnedNotAssumed()
    {
        var post = new PostDescription("list", "ai", "number", ContentFeatures.Of("a 🚀 b 🚀 c 🚀 d 🚀 e #one #two"));

        var v = GainFeatures.Build(post, PostTiming.Alone(Tuesday6pm), TimeZoneInfo.Utc);

        Assert.Equal([1f, 1f, 1f, 1f, 0f, 0f], [.. Enumerable.Range(1, 6).Select(k => Value(v, $"emoji>={k}"))]);
        Assert.Equal([1f, 1f, 0f], [.. Enumerable.Range(1, 3).Select(k => Value(v, $"hashtags>={k}"))]);
    }

    [Fact]
    public void Build_UnknownLabels_LandInOther_AndHaveNoInteraction()
    {
        var v = GainFeatures.Build(new PostDescription("meme", null, "shock", ContentFeatures.Of("hm")), PostTiming.Alone(Tuesday6pm), TimeZoneInfo.Utc);

        Assert.Equal((1f, 1f, 1f), (Value(v, "format=other"), Value(v, "topic=other"), Value(v, "hook=other")));
        Assert.DoesNotContain(GainFeatures.Names.Select((name, i) => (name, i)), x => x.name.Contains('&', StringComparison.Ordinal) && v[x.i] != 0);
    }

    [Fact]
    public void Build_HourAndWeekday_AreTheAccountsLocalOnes_OnACycle()
    {
        var post = new PostDescription("list", "ai", "number", ContentFeatures.Of("x"));
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var lateMonday = new DateTimeOffset(2026, 3, 2, 22, 30, 0, TimeSpan.Zero);

        var utc = GainFeatures.Build(post, PostTiming.Alone(lateMonday), TimeZoneInfo.Utc);
        var local = GainFeatures.Build(post, PostTiming.Alone(lateMonday), kolkata);

        // 22:30 UTC: half way from the knot at 21 to the one at 24, which is midnight's (the cycle closes).
        Assert.Equal((0.5f, 0.5f), (Value(utc, "hour@21"), Value(utc, "hour@0")));
        Assert.Equal(1f, Value(utc, "weekday=monday"));
        // In Kolkata it is 04:00 on Tuesday: a third of the way from 3 to 6.
        Assert.Equal((2 / 3f, 1 / 3f), (Value(local, "hour@3"), Value(local, "hour@6")));
        Assert.Equal(1f, Value(local, "weekday=tuesday"));
    }

    [Fact]
    public void Build_TopicByHour_IsTheTopicsOwnCoarseCycle_AtInteractionWeight()
    {
        var post = new PostDescription("list", "ai", "number", ContentFeatures.Of("x"));

        var v = GainFeatures.Build(post, PostTiming.Alone(Tuesday6pm), TimeZoneInfo.Utc);
        var unknownTopic = GainFeatures.Build(post with { Topic = "gardening" }, PostTiming.Alone(Tuesday6pm), TimeZoneInfo.Utc);

        // 18:00 is half way from the knot at 16 to the one at 20; an interaction slot holds half of a main effect's value.
        Assert.Equal((0.25f, 0.25f), (Value(v, "topic=ai&topic_hour@16"), Value(v, "topic=ai&topic_hour@20")));
        Assert.Equal(0.5f, GainFeatures.Names.Where(n => n.StartsWith("topic=ai&topic_hour@", StringComparison.Ordinal)).Sum(n => Value(v, n)), 5);
        Assert.Equal(0f, GainFeatures.Names.Where(n => n.Contains("&topic_hour@", StringComparison.Ordinal) && !n.StartsWith("topic=ai&", StringComparison.Ordinal)).Sum(n => Value(v, n)));
        Assert.Equal(0f, GainFeatures.Names.Where(n => n.Contains("&topic_hour@", StringComparison.Ordinal)).Sum(n => Value(unknownTopic, n)));
    }

    [Fact]
    public void Build_Timing_SpacingCurve_AndRecentPostsInEveryWindow()
    {
        var post = new PostDescription("list", "ai", "number", ContentFeatures.Of("x"));
        var timing = new PostTiming(Tuesday6pm, [new RecentPosts(1, 0, 2), new RecentPosts(2, 1, 6), new RecentPosts(5, 3, 20)], 3);

        var v = GainFeatures.Build(post, timing, TimeZoneInfo.Utc);
        var alone = GainFeatures.Build(post, PostTiming.Alone(Tuesday6pm), TimeZoneInfo.Utc);

        Assert.Equal((0.5f, 0.5f), (Value(v, "hours_since_previous@2"), Value(v, "hours_since_previous@4")));
        Assert.Equal((1f, 0f, 2f), (Value(v, "same_format_6h"), Value(v, "same_topic_6h"), Value(v, "posts_6h")));
        Assert.Equal((2f, 1f, 6f), (Value(v, "same_format_24h"), Value(v, "same_topic_24h"), Value(v, "posts_24h")));
        Assert.Equal((5f, 3f, 20f), (Value(v, "same_format_72h"), Value(v, "same_topic_72h"), Value(v, "posts_72h")));
        Assert.Equal(1f, Value(alone, "hours_since_previous@24"));
    }

    [Fact]
    public void History_CountsRecentPostsPerWindow_AndTheTimeSinceTheLastPost()
    {
        var history = new PostingHistory(
        [
            (Tuesday6pm.AddHours(-80), "list", "ai"),
            (Tuesday6pm.AddHours(-30), "list", "coding"),
            (Tuesday6pm.AddHours(-20), "list", "ai"),
            (Tuesday6pm.AddHours(-5), "story", "ai"),
            (Tuesday6pm.AddHours(-2), "list", "growth"),
            (Tuesday6pm.AddHours(1), "list", "ai"),
        ]);

        var timing = history.TimingAt(Tuesday6pm, "list", "ai");

        Assert.Equal(
            [new RecentPosts(1, 1, 2), new RecentPosts(2, 2, 3), new RecentPosts(3, 2, 4)],
            timing.Recent);
        Assert.Equal(2, timing.HoursSincePrevious!.Value, 6);
        Assert.Null(new PostingHistory([]).TimingAt(Tuesday6pm, "list", "ai").HoursSincePrevious);
        Assert.Equal(new RecentPosts(2, 1, 3), history.With(Tuesday6pm.AddMinutes(-30), "list", "coding").TimingAt(Tuesday6pm, "list", "ai").Recent[0]);
    }

    [Fact]
    public void ParseFeatures_WithoutRecordedFeatures_IsUnknown()
    {
        Assert.Null(PostDescription.ParseFeatures("{}"));
        Assert.Null(PostDescription.ParseFeatures("not json"));
        Assert.Equal(ContentFeatures.Of("a ? b"), PostDescription.ParseFeatures(System.Text.Json.JsonSerializer.Serialize(ContentFeatures.Of("a ? b"))));
    }
}
