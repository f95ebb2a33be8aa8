using FollowerLoop.Sandbox.Text;
using static FollowerLoop.Sandbox.Audience.AudienceProfileValidator;

namespace FollowerLoop.Sandbox.Audience;

/// <summary>Checks the optional keys that shape the audience (curves, caps, drift, saturation, virality, lags, unfollows); each error names the JSON path.</summary>
internal static class AudienceStructureValidator
{
    // Appeal is a log-multiplier: ±5 is already a factor of 150 either way, beyond any plausible audience.
    private const double MaxEffect = 5;
    private const int HoursPerDay = 24;

    // Follows must still all arrive by 48 hours; 36 leaves them 12 hours to do so.
    private const double MaxFollowLagHours = 36;

    public static void Validate(AudienceProfile profile, List<string> errors)
    {
        var appeal = profile.Appeal;
        if (appeal.LengthCurve is { } knots)
        {
            ValidateLengthCurve(knots, errors);
        }

        if (appeal.HourCurve is { } hours)
        {
            ValidateHourCurve(hours, errors);
        }

        Between(appeal.EmojiCap, 0, XComTweetLength.Limit, "appeal.emojiCap", errors);
        Between(appeal.HashtagCap, 0, XComTweetLength.Limit, "appeal.hashtagCap", errors);
        if (appeal.TopicDaypart is { } topicDaypart)
        {
            Between(topicDaypart.Sd, 0, 2, "appeal.topicDaypart.sd", errors);
        }

        if (appeal.Drift is { } drift)
        {
            Between(drift.SdPerWeek, 0, 1, "appeal.drift.sdPerWeek", errors);
        }

        if (appeal.Saturation is { } saturation)
        {
            Between(saturation.PostsPerDay, 1, 1000, "appeal.saturation.postsPerDay", errors);
            Between(saturation.PenaltyPerExtra, 0, MaxEffect, "appeal.saturation.penaltyPerExtra", errors);
        }

        if (appeal.Viral is { } viral)
        {
            Between(viral.Chance, 0, 1, "appeal.viral.chance", errors);
            Between(viral.Multiplier, 1, 1000, "appeal.viral.multiplier", errors);
        }

        var engagement = profile.Engagement;
        Between(engagement.FollowLagHours, 0, MaxFollowLagHours, "engagement.followLagHours", errors);
        Between(engagement.ProfileClicksPerView, 0, 1, "engagement.profileClicksPerView", errors);
        Between(engagement.LinkClicksPerView, 0, 1, "engagement.linkClicksPerView", errors);
        Between(engagement.FollowersWhoLiked, 0, 1, "engagement.followersWhoLiked", errors);
        Between(engagement.FollowersWhoLikedNext, 0, 1, "engagement.followersWhoLikedNext", errors);
        if (engagement.FollowsPerProfileVisit is { } conversion && conversion is not (> 0 and <= 1))
        {
            errors.Add($"engagement.followsPerProfileVisit must be in (0, 1]; got {conversion}.");
        }

        KnownNames<PostFormat>(engagement.UnfollowsPerView.Keys, "engagement.unfollowsPerView", errors);
        foreach (var (format, rate) in engagement.UnfollowsPerView)
        {
            Between(rate, 0, 1, $"engagement.unfollowsPerView.{format}", errors);
        }
    }

    private static void ValidateLengthCurve(IReadOnlyList<double[]> knots, List<string> errors)
    {
        if (knots.Count < 2)
        {
            errors.Add($"appeal.lengthCurve needs at least 2 knots [weightedLength, effect]; got {knots.Count}.");
            return;
        }

        for (var i = 0; i < knots.Count; i++)
        {
            var path = $"appeal.lengthCurve[{i}]";
            if (knots[i] is not [var length, var effect])
            {
                errors.Add($"{path} must be a pair [weightedLength, effect]; got {knots[i]?.Length ?? 0} number(s).");
                continue;
            }

            Between(length, 0, XComTweetLength.Limit, $"{path} weightedLength", errors);
            Between(effect, -MaxEffect, MaxEffect, $"{path} effect", errors);
            if (i > 0 && knots[i - 1] is [var previous, _] && !(length > previous))
            {
                errors.Add($"appeal.lengthCurve's weighted lengths must increase: knot {i} ({length}) is not after knot {i - 1} ({previous}).");
            }
        }
    }

    private static void ValidateHourCurve(IReadOnlyList<double> hours, List<string> errors)
    {
        if (hours.Count != HoursPerDay)
        {
            errors.Add($"appeal.hourCurve must hold {HoursPerDay} numbers, one per local hour from 0; got {hours.Count}.");
            return;
        }

        for (var hour = 0; hour < HoursPerDay; hour++)
        {
            Between(hours[hour], -MaxEffect, MaxEffect, $"appeal.hourCurve[{hour}]", errors);
        }
    }
}
