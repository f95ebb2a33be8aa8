using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.Tests;

public sealed class ProfileVisitsTests
{
    private const string ThroughTheProfile = """{"engagement":{"followsPerProfileVisit":0.2}}""";
    private static readonly TextFeatures WithLink = TextFeatureExtractor.Extract("How I write every morning, in one page: https://example.com/morning");

    [Fact]
    public void ByDefault_EveryFollowerVisitedTheProfile_AndOtherVisitsFollowTheViews()
    {
        var model = AudienceFactory.Model(seed: 3);
        var context = AudienceFactory.Alone(AudienceFactory.Noon) with { Followers = 100_000 };
        var (otherVisits, views) = (0L, 0L);
        for (var sequence = 1L; sequence <= 200; sequence++)
        {
            var outcome = model.Draw(AudienceFactory.Thread, context, sequence);
            Assert.True(outcome.ProfileClicks >= outcome.Follows, $"{outcome.ProfileClicks} visits, {outcome.Follows} follows");
            Assert.Equal(0, outcome.LinkClicks);
            otherVisits += outcome.ProfileClicks - outcome.Follows;
            views += outcome.Totals.Views;
        }

        Assert.InRange(otherVisits / (double)views, 0.0055, 0.0065);
    }

    [Fact]
    public void FollowsPerProfileVisit_DrawsTheSameFollows_FromVisitsThatGrowWithThem()
    {
        var through = AudienceFactory.Model(ThroughTheProfile, seed: 3);
        var usual = AudienceFactory.Model(seed: 3);
        var context = AudienceFactory.Alone(AudienceFactory.Noon) with { Followers = 100_000 };
        var (visits, follows) = (0L, 0L);
        for (var sequence = 1L; sequence <= 200; sequence++)
        {
            var outcome = through.Draw(AudienceFactory.Thread, context, sequence);
            Assert.Equal(usual.Draw(AudienceFactory.Thread, context, sequence) with { ProfileClicks = outcome.ProfileClicks }, outcome);
            visits += outcome.ProfileClicks;
            follows += outcome.Follows;
        }

        Assert.InRange(follows / (double)visits, 0.18, 0.22);
    }

    [Fact]
    public void LinkClicks_OnlyOnPostsWithALink_AndVisitsAccrueOnTheFollowsCurve()
    {
        var model = AudienceFactory.Model(seed: 4);
        var context = AudienceFactory.Alone(AudienceFactory.Noon) with { Followers = 100_000 };
        var outcome = model.Draw(WithLink, context, 1);

        Assert.InRange(outcome.LinkClicks, outcome.Totals.Views * 0.007, outcome.Totals.Views * 0.013);
        var engagement = model.Profile.Engagement;
        foreach (var hours in new[] { 1, 6, 24, 48 })
        {
            var age = TimeSpan.FromHours(hours);
            Assert.Equal(AccrualCurves.CountAt(outcome.ProfileClicks, AccrualCurves.Follows(age, engagement.TimeConstantHours.Follows, TimeSpan.Zero)), model.ProfileClicksAt(outcome, age));
            Assert.Equal(AccrualCurves.CountAt(outcome.LinkClicks, AccrualCurves.Engagement(age, engagement.TimeConstantHours.Views)), model.LinkClicksAt(outcome, age));
        }

        Assert.Equal(outcome.ProfileClicks, model.ProfileClicksAt(outcome, TimeSpan.FromHours(48)));
    }
}
