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

        var v = GainFeatures.Build(post, new PostTiming(Tuesday6pm, 0, null));

        Assert.Equal(GainFeatures.Count, v.Length);
        Assert.Equal((1f, 1f, 1f), (Value(v, "format=list"), Value(v, "topic=ai"), Value(v, "hook=number")));
        Assert.Equal(0f, Value(v, "format=story"));
        Assert.True(Value(v, "format=list&topic=ai") > 0);
        Assert.Equal(0f, Value(v, "format=list&topic=coding"));
        Assert.Equal(1f, Value(v, "length=short"));
        Assert.Equal((1f, 0f, 1 / 3f), (Value(v, "has_number"), Value(v, "has_question"), Value(v, "hashtags")));
        Assert.Equal(1f, Value(v, "weekday=tuesday"));
    }

    [Fact]
    public void Build_UnknownLabels_LandInOther_AndHaveNoInteraction()
    {
        var v = GainFeatures.Build(new PostDescription("meme", null, "shock", ContentFeatures.Of("hm")), new PostTiming(Tuesday6pm, 0, null));

        Assert.Equal((1f, 1f, 1f), (Value(v, "format=other"), Value(v, "topic=other"), Value(v, "hook=other")));
        Assert.DoesNotContain(GainFeatures.Names.Select((name, i) => (name, i)), x => x.name.Contains('&', StringComparison.Ordinal) && v[x.i] != 0);
    }

    [Fact]
    public void Build_Timing_HourOnACircle_RepeatsAndCrowding()
    {
        var post = new PostDescription("list", "ai", "number", ContentFeatures.Of("x"));

        var v = GainFeatures.Build(post, new PostTiming(Tuesday6pm, 2, 0.5));

        // 18:00 is three quarters round the clock: sin = -1, cos = 0.
        Assert.Equal(-1, Value(v, "hour_sin"), 5);
        Assert.Equal(0, Value(v, "hour_cos"), 5);
        Assert.Equal(2f, Value(v, "same_format_24h"));
        Assert.Equal(0.75f, Value(v, "crowding"), 5);
        Assert.Equal(0f, Value(GainFeatures.Build(post, new PostTiming(Tuesday6pm, 0, 3)), "crowding"));
    }

    [Fact]
    public void History_CountsSameFormatPostsOfTheLastDay_AndTheTimeSinceTheLastPost()
    {
        var history = new PostingHistory(
        [
            (Tuesday6pm.AddHours(-30), "list"),
            (Tuesday6pm.AddHours(-20), "list"),
            (Tuesday6pm.AddHours(-5), "story"),
            (Tuesday6pm.AddHours(-2), "list"),
            (Tuesday6pm.AddHours(1), "list"),
        ]);

        var timing = history.TimingAt(Tuesday6pm, "list");

        Assert.Equal(2, timing.SameFormatRecent);
        Assert.Equal(2, timing.HoursSincePrevious!.Value, 6);
        Assert.Null(new PostingHistory([]).TimingAt(Tuesday6pm, "list").HoursSincePrevious);
        Assert.Equal(3, history.With(Tuesday6pm.AddMinutes(-30), "list").TimingAt(Tuesday6pm, "list").SameFormatRecent);
    }

    [Fact]
    public void ParseFeatures_WithoutRecordedFeatures_IsUnknown()
    {
        Assert.Null(PostDescription.ParseFeatures("{}"));
        Assert.Null(PostDescription.ParseFeatures("not json"));
        Assert.Equal(ContentFeatures.Of("a ? b"), PostDescription.ParseFeatures(System.Text.Json.JsonSerializer.Serialize(ContentFeatures.Of("a ? b"))));
    }
}
