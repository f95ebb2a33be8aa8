using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>The profile keys that replace the appeal's built-in shapes: length curve, hour curve, topic × daypart, caps.</summary>
public sealed class AppealShapeTests
{
    private const int Digits = 10;

    // Local hour h (UTC−5, the built-in offset) has effect h/10.
    private static readonly string HourCurve = $"[{string.Join(", ", Enumerable.Range(0, 24).Select(hour => hour / 10.0))}]";

    [Theory]
    [InlineData(10, -1.0)]
    [InlineData(50, -1.0)]
    [InlineData(100, 0.0)]
    [InlineData(125, 0.5)]
    [InlineData(150, 1.0)]
    [InlineData(250, 0.5)]
    [InlineData(280, 0.5)]
    public void LengthCurve_IsLinearBetweenKnots_AndFlatBeyondTheEnds(int weightedLength, double effect)
    {
        var model = AudienceFactory.Model("""{"appeal":{"lengthCurve":[[50,-1],[150,1],[250,0.5]]}}""");
        var context = AudienceFactory.Alone(AudienceFactory.Noon);

        // The band (Short, Medium, Long) no longer matters: only the weighted length does.
        var atZero = model.Appeal(AudienceFactory.Thread with { WeightedLength = 100, Length = LengthBucket.Short }, context);
        var atLength = model.Appeal(AudienceFactory.Thread with { WeightedLength = weightedLength, Length = LengthBucket.Long }, context);

        Assert.Equal(effect, atLength - atZero, Digits);
    }

    [Fact]
    public void WithoutALengthCurve_TheBandsDecide()
    {
        var model = AudienceFactory.Model();
        var context = AudienceFactory.Alone(AudienceFactory.Noon);

        var shortPost = model.Appeal(AudienceFactory.Thread with { WeightedLength = 10, Length = LengthBucket.Short }, context);
        var longPost = model.Appeal(AudienceFactory.Thread with { WeightedLength = 10, Length = LengthBucket.Long }, context);

        Assert.Equal(model.Parameters.Length[LengthBucket.Long] - model.Parameters.Length[LengthBucket.Short], longPost - shortPost, Digits);
    }

    [Fact]
    public void HourCurve_GivesEachLocalHourItsEffect_WholeHourSteps()
    {
        var model = AudienceFactory.Model($$$"""{"appeal":{"hourCurve":{{{HourCurve}}}}}""");
        var features = AudienceFactory.Thread;
        double At(int utcHour, int minute) => model.Appeal(features, AudienceFactory.Alone(WorldFactory.Epoch.AddDays(1).AddHours(utcHour).AddMinutes(minute)));

        // 08:05 UTC is 03:05 local, 15:50 UTC is 10:50 local, the same local Tuesday.
        Assert.Equal(0.7, At(15, 50) - At(8, 5), Digits);
        Assert.Equal(0, At(15, 59) - At(15, 0), Digits);
        Assert.Equal(0.1, At(16, 0) - At(15, 59), Digits);
    }

    [Fact]
    public void TopicDaypart_AddsASeededEffectPerTopicAndQuarterOfTheLocalDay()
    {
        const string Json = """{"appeal":{"topicDaypart":{"sd":0.5},"hourCurve":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}}""";
        var model = AudienceFactory.Model(Json, seed: 7);
        var features = AudienceFactory.Thread;
        var weights = model.Parameters.TopicDaypart;
        double At(int localHour) => model.Appeal(features, AudienceFactory.Alone(WorldFactory.Epoch.AddDays(1).AddHours(localHour + 5)));

        Assert.Equal(weights["Ai/Evening"] - weights["Ai/Morning"], At(21) - At(6), Digits);
        Assert.Equal(weights["Ai/Afternoon"] - weights["Ai/Morning"], At(12) - At(11), Digits);
        Assert.Equal(0, At(11) - At(6), Digits);
        Assert.Equal(Enum.GetValues<PostTopic>().Length * 4, weights.Count);
        Assert.True(weights.Values.Distinct().Count() == weights.Count, "every topic × daypart has its own draw");
        Assert.Equal(weights, AudienceFactory.Model(Json, seed: 7).Parameters.TopicDaypart);
        Assert.NotEqual(weights, AudienceFactory.Model(Json, seed: 8).Parameters.TopicDaypart);
        Assert.Empty(AudienceFactory.Model().Parameters.TopicDaypart);
    }

    [Fact]
    public void Caps_MakeEmojiAndHashtagsBeyondThemAddNothing()
    {
        var capped = AudienceFactory.Model("""{"appeal":{"emojiCap":1,"hashtagCap":0}}""");
        var builtIn = AudienceFactory.Model();
        var context = AudienceFactory.Alone(AudienceFactory.Noon);
        var plain = AudienceFactory.Thread with { EmojiCount = 1, HashtagCount = 0 };
        var loud = AudienceFactory.Thread with { EmojiCount = 5, HashtagCount = 4 };

        Assert.Equal(capped.Appeal(plain, context), capped.Appeal(loud, context), Digits);
        Assert.Equal(
            (2 * builtIn.Parameters.EmojiPerCount) + (3 * builtIn.Parameters.HashtagPerCount),
            builtIn.Appeal(loud, context) - builtIn.Appeal(plain, context),
            Digits);
    }
}
