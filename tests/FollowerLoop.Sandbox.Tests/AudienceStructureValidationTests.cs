using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.Tests;

public sealed class AudienceStructureValidationTests
{
    private static readonly string TwentyFourZeros = $"[{string.Join(",", Enumerable.Repeat(0, 24))}]";

    [Theory]
    [InlineData("""{"appeal":{"lengthCurve":[[10,0.1]]}}""", "appeal.lengthCurve needs at least 2 knots [weightedLength, effect]; got 1.")]
    [InlineData("""{"appeal":{"lengthCurve":[[10,0.1,3],[50,0.2]]}}""", "appeal.lengthCurve[0] must be a pair [weightedLength, effect]; got 3 number(s).")]
    [InlineData("""{"appeal":{"lengthCurve":[[100,0.1],[50,0.2]]}}""", "appeal.lengthCurve's weighted lengths must increase: knot 1 (50) is not after knot 0 (100).")]
    [InlineData("""{"appeal":{"lengthCurve":[[100,0.1],[100,0.2]]}}""", "knot 1 (100) is not after knot 0 (100)")]
    [InlineData("""{"appeal":{"lengthCurve":[[10,0.1],[300,0.2]]}}""", "appeal.lengthCurve[1] weightedLength must be between 0 and 280; got 300.")]
    [InlineData("""{"appeal":{"lengthCurve":[[10,0.1],[200,9]]}}""", "appeal.lengthCurve[1] effect must be between -5 and 5; got 9.")]
    [InlineData("""{"appeal":{"hourCurve":[0,1,2]}}""", "appeal.hourCurve must hold 24 numbers, one per local hour from 0; got 3.")]
    [InlineData("""{"appeal":{"hourCurve":[0,0,0,0,0,-7,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}}""", "appeal.hourCurve[5] must be between -5 and 5; got -7.")]
    [InlineData("""{"appeal":{"topicDaypart":{"sd":-0.1}}}""", "appeal.topicDaypart.sd must be between 0 and 2; got -0.1.")]
    [InlineData("""{"appeal":{"emojiCap":-1}}""", "appeal.emojiCap must be between 0 and 280; got -1.")]
    [InlineData("""{"appeal":{"hashtagCap":1000}}""", "appeal.hashtagCap must be between 0 and 280; got 1000.")]
    [InlineData("""{"appeal":{"drift":{"sdPerWeek":3}}}""", "appeal.drift.sdPerWeek must be between 0 and 1; got 3.")]
    [InlineData("""{"appeal":{"saturation":{"postsPerDay":0,"penaltyPerExtra":0.2}}}""", "appeal.saturation.postsPerDay must be between 1 and 1000; got 0.")]
    [InlineData("""{"appeal":{"saturation":{"postsPerDay":3,"penaltyPerExtra":-0.2}}}""", "appeal.saturation.penaltyPerExtra must be between 0 and 5; got -0.2.")]
    [InlineData("""{"appeal":{"viral":{"chance":1.5,"multiplier":3}}}""", "appeal.viral.chance must be between 0 and 1; got 1.5.")]
    [InlineData("""{"appeal":{"viral":{"chance":0.1,"multiplier":0.5}}}""", "appeal.viral.multiplier must be between 1 and 1000; got 0.5.")]
    [InlineData("""{"engagement":{"followLagHours":40}}""", "engagement.followLagHours must be between 0 and 36; got 40.")]
    [InlineData("""{"engagement":{"unfollowsPerView":{"Limerick":0.1}}}""", "engagement.unfollowsPerView has unknown name 'Limerick'")]
    [InlineData("""{"engagement":{"followsPerProfileVisit":0}}""", "engagement.followsPerProfileVisit must be in (0, 1]; got 0.")]
    [InlineData("""{"engagement":{"followsPerProfileVisit":1.5}}""", "engagement.followsPerProfileVisit must be in (0, 1]; got 1.5.")]
    [InlineData("""{"engagement":{"profileClicksPerView":-0.01}}""", "engagement.profileClicksPerView must be between 0 and 1; got -0.01.")]
    [InlineData("""{"engagement":{"followersWhoLiked":1.5}}""", "engagement.followersWhoLiked must be between 0 and 1; got 1.5.")]
    [InlineData("""{"engagement":{"followersWhoLikedNext":-0.1}}""", "engagement.followersWhoLikedNext must be between 0 and 1; got -0.1.")]
    [InlineData("""{"engagement":{"linkClicksPerView":2}}""", "engagement.linkClicksPerView must be between 0 and 1; got 2.")]
    [InlineData("""{"engagement":{"unfollowsPerView":{"HotTake":-0.1}}}""", "engagement.unfollowsPerView.HotTake must be between 0 and 1; got -0.1.")]
    [InlineData("""{"account":{"utcOffsetHours":5.01}}""", "account.utcOffsetHours must be between -12 and 14 in whole minutes")]
    [InlineData("""{"appeal":{"crowdingHours":0}}""", "appeal.crowdingHours must be greater than 0; got 0.")]
    public void AnOutOfRangeValue_FailsWithItsPath(string json, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => AudienceProfileLoader.Parse(json, "test.json"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("test.json is invalid", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"appeal":{"hourCurve":"evening"}}""", "$.appeal.hourCurve")]
    [InlineData("""{"appeal":{"lengthCurve":[10,20]}}""", "$.appeal.lengthCurve")]
    [InlineData("""{"appeal":{"emojiCap":2.5}}""", "$.appeal.emojiCap")]
    [InlineData("""{"appeal":{"viral":{"chance":0.1}}}""", "multiplier")]
    [InlineData("""{"appeal":{"saturation":{"penaltyPerExtra":0.1}}}""", "postsPerDay")]
    [InlineData("""{"engagement":{"unfollowsPerView":[0.1]}}""", "$.engagement.unfollowsPerView")]
    public void ABadShape_FailsNamingIt(string json, string named)
    {
        var error = Assert.Throws<InvalidDataException>(() => AudienceProfileLoader.Parse(json, "test.json"));

        Assert.Contains("test.json is not a valid audience profile", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryStructureKey_WithGoodValues_Loads()
    {
        var profile = AudienceProfileLoader.Parse(
            $$"""
            {
              "account": { "utcOffsetHours": 5.75 },
              "engagement": { "followLagHours": 36, "unfollowsPerView": { "HotTake": 0.002, "stat": 0 } },
              "appeal": {
                "lengthCurve": [[0, -0.2], [280, 0.3]], "hourCurve": {{TwentyFourZeros}}, "topicDaypart": { "sd": 0.3 },
                "emojiCap": 0, "hashtagCap": 280, "drift": { "sdPerWeek": 0 }, "saturation": { "postsPerDay": 1, "penaltyPerExtra": 0 },
                "viral": { "chance": 1, "multiplier": 1 }, "crowdingHours": 0.25, "fatigueWindowHours": 168
              }
            }
            """,
            "test.json");

        Assert.Equal(2, profile.Appeal.LengthCurve!.Count);
        Assert.Equal(24, profile.Appeal.HourCurve!.Count);
        Assert.Equal(0.002, profile.Engagement.UnfollowsPerView["HotTake"]);
    }

    [Fact]
    public void TheBuiltInProfile_HasNoStructureKeys_AndTodaysCaps()
    {
        var appeal = AudienceFactory.Profile().Appeal;

        Assert.Null(appeal.LengthCurve);
        Assert.Null(appeal.HourCurve);
        Assert.Null(appeal.TopicDaypart);
        Assert.Null(appeal.Drift);
        Assert.Null(appeal.Saturation);
        Assert.Null(appeal.Viral);
        Assert.Equal((3, 3), (appeal.EmojiCap, appeal.HashtagCap));
        Assert.Equal(0, AudienceFactory.Profile().Engagement.FollowLagHours);
        Assert.Empty(AudienceFactory.Profile().Engagement.UnfollowsPerView);
    }
}
