using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.Audience;

/// <summary>
/// The hidden ground truth: how much a post appeals to the audience and what that appeal becomes (engagement,
/// follows). Appeal = drawn weights · text and timing features − fatigue − crowding + per-post noise; 48-hour
/// totals are Poisson draws around account size × rates × exp(appeal). See the sandbox README for every term.
/// </summary>
public sealed class AudienceModel
{
    private const int MaxCountedEmoji = 3;
    private const int MaxCountedHashtags = 3;

    private readonly Dictionary<string, Dictionary<PostFormat, double>> _affinity;

    public AudienceModel(AudienceProfile profile, int seed)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        Seed = seed;
        Parameters = AudienceParameters.Draw(profile.Appeal, seed);
        _affinity = profile.Engagement.FormatAffinity.ToDictionary(
            pair => pair.Key.ToLowerInvariant(),
            pair => pair.Value.ToDictionary(entry => Enum.Parse<PostFormat>(entry.Key, ignoreCase: true), entry => entry.Value));
    }

    public AudienceProfile Profile { get; }

    public int Seed { get; }

    public AudienceParameters Parameters { get; }

    /// <summary>The audience's local time, where the hour and weekday effects are defined.</summary>
    public DateTimeOffset LocalTime(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(Profile.Account.UtcOffsetHours));

    /// <summary>The deterministic part of a post's appeal (no noise).</summary>
    public double Appeal(TextFeatures features, PostContext context)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(context);
        var p = Parameters;
        var local = LocalTime(context.At);
        var hour = local.Hour + (local.Minute / 60.0);
        var appeal = p.Format[features.Format] + p.Topic[features.Topic] + p.Hook[features.Hook] + p.Length[features.Length]
            + p.FormatTopic[$"{features.Format}/{features.Topic}"]
            + (features.HasNumber ? p.HasNumber : 0)
            + (features.HasQuestion ? p.HasQuestion : 0)
            + (p.EmojiPerCount * Math.Min(features.EmojiCount, MaxCountedEmoji))
            + (p.HashtagPerCount * Math.Min(features.HashtagCount, MaxCountedHashtags))
            + (features.LinkCount > 0 ? p.Link : 0)
            + (p.HourAmplitude * Math.Cos(2 * Math.PI * (hour - p.PeakHour) / 24))
            + p.Weekday[local.DayOfWeek];
        if (context.IsReply)
        {
            return appeal + Profile.Appeal.ReplyBias;
        }

        var crowding = context.HoursSincePrevious is { } hours
            ? p.Crowding * Math.Max(0, 1 - (hours / Profile.Appeal.CrowdingHours))
            : 0;
        return appeal - (p.FatiguePerRepeat * context.SameFormatRecent) - crowding;
    }

    /// <summary>Draws a post's 48-hour totals. The randomness is keyed by (seed, sequence) only.</summary>
    public PostOutcome Draw(TextFeatures features, PostContext context, long sequence)
    {
        var appeal = Appeal(features, context);
        var random = new DeterministicRandom(Seed, "post", sequence);
        var noise = random.NextNormal(0, Profile.Appeal.NoiseSd);
        var engagement = Profile.Engagement;
        var views = random.NextPoisson(context.Followers * engagement.ViewsPerFollower * Math.Exp(appeal + noise));
        long Count(double perView, string metric) =>
            random.NextPoisson(views * perView * Math.Exp(Affinity(metric, features.Format)));

        var totals = new EngagementCounts(
            Replies: Count(engagement.RepliesPerView, "replies"),
            Reposts: Count(engagement.RepostsPerView, "reposts"),
            Likes: Count(engagement.LikesPerView, "likes"),
            Bookmarks: Count(engagement.BookmarksPerView, "bookmarks"),
            Views: views);
        var follows = random.NextPoisson(FollowMean(features, context.Followers, appeal + noise));
        return new PostOutcome(appeal, noise, totals, follows);
    }

    /// <summary>The expected 48-hour follower gain of a post (averaged over its noise): what the oracle ranks by.</summary>
    public double ExpectedFollows(TextFeatures features, PostContext context)
    {
        var spread = Profile.Engagement.FollowElasticity * Profile.Appeal.NoiseSd;
        return FollowMean(features, context.Followers, Appeal(features, context)) * Math.Exp(spread * spread / 2);
    }

    /// <summary>A post's counts at <paramref name="age"/>, from its totals along each metric's curve.</summary>
    public EngagementCounts CountsAt(EngagementCounts totals, TimeSpan age)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var hours = Profile.Engagement.TimeConstantHours;
        return new EngagementCounts(
            Replies: AccrualCurves.CountAt(totals.Replies, AccrualCurves.Engagement(age, hours.Replies)),
            Reposts: AccrualCurves.CountAt(totals.Reposts, AccrualCurves.Engagement(age, hours.Reposts)),
            Likes: AccrualCurves.CountAt(totals.Likes, AccrualCurves.Engagement(age, hours.Likes)),
            Bookmarks: AccrualCurves.CountAt(totals.Bookmarks, AccrualCurves.Engagement(age, hours.Bookmarks)),
            Views: AccrualCurves.CountAt(totals.Views, AccrualCurves.Engagement(age, hours.Views)));
    }

    /// <summary>Followers a post has brought by <paramref name="age"/>.</summary>
    public long FollowsAt(long totalFollows, TimeSpan age) =>
        AccrualCurves.CountAt(totalFollows, AccrualCurves.Follows(age, Profile.Engagement.TimeConstantHours.Follows));

    private double FollowMean(TextFeatures features, long followers, double appeal)
    {
        var engagement = Profile.Engagement;
        return followers * engagement.ViewsPerFollower * engagement.FollowsPerView
            * Math.Exp((engagement.FollowElasticity * appeal) + Parameters.FollowAffinity[features.Format]);
    }

    private double Affinity(string metric, PostFormat format) =>
        _affinity.TryGetValue(metric, out var byFormat) ? byFormat.GetValueOrDefault(format) : 0;
}
