using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.Audience;

/// <summary>Checks an audience profile's values; each error names the JSON path.</summary>
internal static class AudienceProfileValidator
{
    private static readonly string[] AffinityMetrics = ["likes", "reposts", "replies", "bookmarks"];

    public static List<string> Validate(AudienceProfile profile)
    {
        var errors = new List<string>();
        var account = profile.Account;
        AtLeast(account.InitialFollowers, 1, "account.initialFollowers", errors);
        AtLeast(account.Following, 0, "account.following", errors);
        AtLeast(account.PreviousPosts, 0, "account.previousPosts", errors);
        if (account.UtcOffsetHours is < -12 or > 14 || !IsWholeMinutes(account.UtcOffsetHours))
        {
            errors.Add($"account.utcOffsetHours must be between -12 and 14 in whole minutes (5.5, 5.75); got {account.UtcOffsetHours}.");
        }

        AtLeast(profile.Organic.GainsPerHour, 0, "organic.gainsPerHour", errors);
        AtLeast(profile.Organic.LossesPerHour, 0, "organic.lossesPerHour", errors);
        ValidateEngagement(profile.Engagement, errors);
        ValidateAppeal(profile.Appeal, errors);
        ValidateFollowers(profile.Followers, errors);
        AudienceStructureValidator.Validate(profile, errors);
        return errors;
    }

    private static void ValidateEngagement(EngagementProfile engagement, List<string> errors)
    {
        Positive(engagement.ViewsPerFollower, "engagement.viewsPerFollower", errors);
        AtLeast(engagement.LikesPerView, 0, "engagement.likesPerView", errors);
        AtLeast(engagement.RepostsPerView, 0, "engagement.repostsPerView", errors);
        AtLeast(engagement.RepliesPerView, 0, "engagement.repliesPerView", errors);
        AtLeast(engagement.BookmarksPerView, 0, "engagement.bookmarksPerView", errors);
        AtLeast(engagement.FollowsPerView, 0, "engagement.followsPerView", errors);
        AtLeast(engagement.FollowElasticity, 0, "engagement.followElasticity", errors);
        var hours = engagement.TimeConstantHours;
        foreach (var (name, value) in new[]
                 {
                     ("views", hours.Views), ("likes", hours.Likes), ("reposts", hours.Reposts),
                     ("replies", hours.Replies), ("bookmarks", hours.Bookmarks), ("follows", hours.Follows),
                 })
        {
            Positive(value, $"engagement.timeConstantHours.{name}", errors);
        }

        foreach (var (metric, byFormat) in engagement.FormatAffinity)
        {
            if (!AffinityMetrics.Contains(metric, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"engagement.formatAffinity has unknown metric '{metric}' (expected one of {string.Join(", ", AffinityMetrics)}).");
            }

            KnownNames<PostFormat>(byFormat.Keys, $"engagement.formatAffinity.{metric}", errors);
        }
    }

    private static void ValidateFollowers(FollowersProfile followers, List<string> errors)
    {
        Between(followers.BotShare, 0, 1, "followers.botShare", errors);
        Between(followers.BotLeaveChance, 0, 1, "followers.botLeaveChance", errors);
        Positive(followers.MeanDaysBeforeLeaving, "followers.meanDaysBeforeLeaving", errors);
        KnownNames<PostFormat>(followers.LeaveChance.Keys, "followers.leaveChance", errors);
        foreach (var (format, chance) in followers.LeaveChance)
        {
            Between(chance, 0, 1, $"followers.leaveChance.{format}", errors);
        }
    }

    private static void ValidateAppeal(AppealPriors appeal, List<string> errors)
    {
        AtLeast(appeal.NoiseSd, 0, "appeal.noiseSd", errors);
        AtLeast(appeal.FormatTopicSd, 0, "appeal.formatTopicSd", errors);
        Categorical<PostFormat>(appeal.Format, "appeal.format", errors);
        Categorical<PostTopic>(appeal.Topic, "appeal.topic", errors);
        Categorical<PostHook>(appeal.Hook, "appeal.hook", errors);
        Categorical<LengthBucket>(appeal.Length, "appeal.length", errors);
        Categorical<PostFormat>(appeal.FollowAffinity, "appeal.followAffinity", errors);
        Categorical<DayOfWeek>(appeal.Weekday, "appeal.weekday", errors);
        foreach (var (name, prior) in new[]
                 {
                     ("hasNumber", appeal.HasNumber), ("hasQuestion", appeal.HasQuestion), ("emojiPerCount", appeal.EmojiPerCount),
                     ("hashtagPerCount", appeal.HashtagPerCount), ("link", appeal.Link), ("hourAmplitude", appeal.HourAmplitude),
                     ("fatiguePerRepeat", appeal.FatiguePerRepeat), ("crowding", appeal.Crowding),
                 })
        {
            AtLeast(prior.Sd, 0, $"appeal.{name}.sd", errors);
        }

        if (appeal.PeakHour.Min < 0 || appeal.PeakHour.Max > 24 || appeal.PeakHour.Min > appeal.PeakHour.Max)
        {
            errors.Add("appeal.peakHour needs 0 <= min <= max <= 24.");
        }

        Positive(appeal.FatigueWindowHours, "appeal.fatigueWindowHours", errors);
        Positive(appeal.CrowdingHours, "appeal.crowdingHours", errors);
    }

    private static void Categorical<TEnum>(CategoricalPrior prior, string path, List<string> errors)
        where TEnum : struct, Enum
    {
        AtLeast(prior.Sd, 0, $"{path}.sd", errors);
        KnownNames<TEnum>(prior.Mean.Keys, $"{path}.mean", errors);
    }

    internal static void KnownNames<TEnum>(IEnumerable<string> names, string path, List<string> errors)
        where TEnum : struct, Enum
    {
        foreach (var name in names.Where(name => !Enum.TryParse<TEnum>(name, ignoreCase: true, out _)))
        {
            errors.Add($"{path} has unknown name '{name}' (expected one of {string.Join(", ", Enum.GetNames<TEnum>())}).");
        }
    }

    internal static void AtLeast(double value, double minimum, string path, List<string> errors)
    {
        if (!double.IsFinite(value) || value < minimum)
        {
            errors.Add($"{path} must be at least {minimum}; got {value}.");
        }
    }

    internal static void Positive(double value, string path, List<string> errors)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            errors.Add($"{path} must be greater than 0; got {value}.");
        }
    }

    /// <summary>Adds an error unless <paramref name="value"/> is a number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    internal static void Between(double value, double minimum, double maximum, string path, List<string> errors)
    {
        if (!double.IsFinite(value) || value < minimum || value > maximum)
        {
            errors.Add($"{path} must be between {minimum} and {maximum}; got {value}.");
        }
    }

    // DateTimeOffset.ToOffset accepts whole minutes only (called with |hours| <= 14).
    private static bool IsWholeMinutes(double hours) =>
        double.IsFinite(hours) && TimeSpan.FromHours(hours).Ticks % TimeSpan.TicksPerMinute == 0;
}
