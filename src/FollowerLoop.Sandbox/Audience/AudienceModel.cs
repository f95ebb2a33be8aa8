using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.Audience;

/// <summary>
/// The hidden ground truth: how much a post appeals to the audience and what that appeal becomes (engagement,
/// follows, unfollows). Appeal = drawn weights · text and timing features − fatigue − crowding − saturation +
/// per-post noise; 48-hour totals are Poisson draws around account size × rates × exp(appeal) (× the viral
/// multiplier for a viral post). The profile's optional keys change the shape of the terms; without them the
/// audience is the one of before they existed. See the sandbox README for every term.
/// </summary>
public sealed class AudienceModel
{
    private readonly Dictionary<string, Dictionary<PostFormat, double>> _affinity;
    private readonly Dictionary<PostFormat, double> _unfollowsPerView;
    private readonly WeeklyRandomWalk _drift;
    private readonly TimeSpan _followLag;

    /// <param name="profile">The audience's profile.</param>
    /// <param name="seed">Draws the weights and every post's luck.</param>
    /// <param name="epoch">Week 0 of the appeal drift.</param>
    public AudienceModel(AudienceProfile profile, int seed, DateTimeOffset epoch)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        Seed = seed;
        Parameters = AudienceParameters.Draw(profile.Appeal, seed);
        _affinity = profile.Engagement.FormatAffinity.ToDictionary(
            pair => pair.Key.ToLowerInvariant(),
            pair => ByFormat(pair.Value));
        _unfollowsPerView = ByFormat(profile.Engagement.UnfollowsPerView);
        _drift = new WeeklyRandomWalk(seed, profile.Appeal.Drift?.SdPerWeek ?? 0, epoch);
        _followLag = TimeSpan.FromHours(profile.Engagement.FollowLagHours);
    }

    public AudienceProfile Profile { get; }

    public int Seed { get; }

    public AudienceParameters Parameters { get; }

    /// <summary>The audience's local time, where the hour and weekday effects are defined.</summary>
    public DateTimeOffset LocalTime(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(Profile.Account.UtcOffsetHours));

    /// <summary>The format's weight at <paramref name="at"/>: the drawn weight plus its drift so far.</summary>
    public double FormatWeight(PostFormat format, DateTimeOffset at) => Parameters.Format[format] + _drift.Offset($"format/{format}", at);

    /// <summary>The topic's weight at <paramref name="at"/>: the drawn weight plus its drift so far.</summary>
    public double TopicWeight(PostTopic topic, DateTimeOffset at) => Parameters.Topic[topic] + _drift.Offset($"topic/{topic}", at);

    /// <summary>The deterministic part of a post's appeal (no noise).</summary>
    public double Appeal(TextFeatures features, PostContext context)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(context);
        var p = Parameters;
        var priors = Profile.Appeal;
        var local = LocalTime(context.At);

        // Absent keys add exactly 0 (x + 0.0 == x), so the sum is bit for bit the one of before they existed.
        var appeal = FormatWeight(features.Format, context.At) + TopicWeight(features.Topic, context.At) + p.Hook[features.Hook]
            + LengthEffect(features)
            + p.FormatTopic[$"{features.Format}/{features.Topic}"]
            + (features.HasNumber ? p.HasNumber : 0)
            + (features.HasQuestion ? p.HasQuestion : 0)
            + (p.EmojiPerCount * Math.Min(features.EmojiCount, priors.EmojiCap))
            + (p.HashtagPerCount * Math.Min(features.HashtagCount, priors.HashtagCap))
            + (features.LinkCount > 0 ? p.Link : 0)
            + HourEffect(local)
            + p.Weekday[local.DayOfWeek]
            + p.TopicDaypart.GetValueOrDefault(AudienceParameters.TopicDaypartKey(features.Topic, (Daypart)(local.Hour / 6)));
        if (context.IsReply)
        {
            return appeal + priors.ReplyBias;
        }

        var crowding = context.HoursSincePrevious is { } hours
            ? p.Crowding * Math.Max(0, 1 - (hours / priors.CrowdingHours))
            : 0;
        return appeal - (p.FatiguePerRepeat * context.SameFormatRecent) - crowding - SaturationPenalty(context);
    }

    /// <summary>Draws a post's 48-hour totals. The randomness is keyed by (seed, sequence) only.</summary>
    public PostOutcome Draw(TextFeatures features, PostContext context, long sequence)
    {
        var appeal = Appeal(features, context);
        var random = new DeterministicRandom(Seed, "post", sequence);
        var noise = random.NextNormal(0, Profile.Appeal.NoiseSd);
        var viral = IsViral(sequence);
        var reach = Reach(viral);
        var engagement = Profile.Engagement;
        var views = random.NextPoisson(context.Followers * engagement.ViewsPerFollower * Math.Exp(appeal + noise) * reach);
        long Count(double perView, string metric) =>
            random.NextPoisson(views * perView * Math.Exp(Affinity(metric, features.Format)));

        var totals = new XComEngagementCounts(
            Replies: Count(engagement.RepliesPerView, "replies"),
            Reposts: Count(engagement.RepostsPerView, "reposts"),
            Likes: Count(engagement.LikesPerView, "likes"),
            Bookmarks: Count(engagement.BookmarksPerView, "bookmarks"),
            Views: views);
        var followMean = FollowMean(features, context.Followers, appeal + noise) * reach;
        var follows = random.NextPoisson(followMean);

        // Its own stream, so a profile without unfollows draws exactly what it drew before they existed.
        var unfollows = new DeterministicRandom(Seed, "post/unfollows", sequence).NextPoisson(UnfollowMean(features, views));
        var linkClicks = features.LinkCount > 0
            ? new DeterministicRandom(Seed, "post/link-clicks", sequence).NextPoisson(views * engagement.LinkClicksPerView)
            : 0;
        return new PostOutcome(appeal, noise, totals, follows, unfollows, viral, follows + OtherProfileVisits(sequence, followMean, views), linkClicks);
    }

    /// <summary>
    /// The expected 48-hour net follower gain of a post (follows − unfollows, averaged over its noise and its chance
    /// of going viral): what the oracle ranks by.
    /// </summary>
    public double ExpectedFollows(TextFeatures features, PostContext context)
    {
        var (follows, unfollows) = ExpectedFollowsAndUnfollows(features, context);
        return follows - unfollows;
    }

    /// <summary>
    /// The net gain <paramref name="outcome"/> was drawn around: the post's follow mean at the appeal and luck it had and
    /// the reach it got (viral or not), less its unfollows' mean at the views it got. Only the draws of the follows and
    /// unfollows themselves are left out, so an estimate that credits each post by its reach can hardly err less on average
    /// (the attribution floor the learning benchmark reports).
    /// </summary>
    public double ExpectedNetGivenReach(TextFeatures features, PostContext context, PostOutcome outcome) =>
        ExpectedFollowsGivenReach(features, context, outcome) - UnfollowMean(features, outcome.Totals.Views);

    /// <summary>The follows alone <paramref name="outcome"/> was drawn around (<see cref="ExpectedNetGivenReach"/> without the unfollows).</summary>
    public double ExpectedFollowsGivenReach(TextFeatures features, PostContext context, PostOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        return FollowMean(features, context.Followers, outcome.Appeal + outcome.Noise) * Reach(outcome.Viral);
    }

    /// <summary>How many times its usual reach a post gets: the viral multiplier when it went viral.</summary>
    private double Reach(bool viral) => viral ? Profile.Appeal.Viral!.Multiplier : 1;

    /// <summary>The unfollows a post's views cost on average, at its format's rate.</summary>
    private double UnfollowMean(TextFeatures features, long views) => views * _unfollowsPerView.GetValueOrDefault(features.Format);

    /// <summary>
    /// The expected followers a post brings who still follow <paramref name="after"/> they came, less those it loses:
    /// what an oracle of kept followers ranks by.
    /// </summary>
    public double ExpectedRetained(TextFeatures features, PostContext context, TimeSpan after)
    {
        var (follows, unfollows) = ExpectedFollowsAndUnfollows(features, context);
        return (follows * StayShare(features.Format, after)) - unfollows;
    }

    /// <summary>
    /// The share of the followers a post of <paramref name="format"/> brings who still follow <paramref name="after"/>
    /// they came, as far as leaving on their own goes (unfollow waves and organic losses take anyone).
    /// </summary>
    public double StayShare(PostFormat format, TimeSpan after)
    {
        var followers = Profile.Followers;
        var leaves = 1 - ((1 - followers.LeaveChanceOf(format)) * (1 - (followers.BotShare * followers.BotLeaveChance)));
        return 1 - (leaves * (1 - Math.Exp(-after.TotalDays / followers.MeanDaysBeforeLeaving)));
    }

    private (double Follows, double Unfollows) ExpectedFollowsAndUnfollows(TextFeatures features, PostContext context)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(context);
        var noiseSd = Profile.Appeal.NoiseSd;
        var spread = Profile.Engagement.FollowElasticity * noiseSd;
        var appeal = Appeal(features, context);
        var reach = Profile.Appeal.Viral is { } viral ? 1 - viral.Chance + (viral.Chance * viral.Multiplier) : 1;
        var follows = FollowMean(features, context.Followers, appeal) * Math.Exp(spread * spread / 2) * reach;
        var unfollowRate = _unfollowsPerView.GetValueOrDefault(features.Format);
        if (unfollowRate == 0)
        {
            return (follows, 0);
        }

        var views = context.Followers * Profile.Engagement.ViewsPerFollower * Math.Exp(appeal + (noiseSd * noiseSd / 2)) * reach;
        return (follows, views * unfollowRate);
    }

    /// <summary>A post's counts at <paramref name="age"/>, from its totals along each metric's curve.</summary>
    public XComEngagementCounts CountsAt(XComEngagementCounts totals, TimeSpan age)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var hours = Profile.Engagement.TimeConstantHours;
        return new XComEngagementCounts(
            Replies: AccrualCurves.CountAt(totals.Replies, AccrualCurves.Engagement(age, hours.Replies)),
            Reposts: AccrualCurves.CountAt(totals.Reposts, AccrualCurves.Engagement(age, hours.Reposts)),
            Likes: AccrualCurves.CountAt(totals.Likes, AccrualCurves.Engagement(age, hours.Likes)),
            Bookmarks: AccrualCurves.CountAt(totals.Bookmarks, AccrualCurves.Engagement(age, hours.Bookmarks)),
            Views: AccrualCurves.CountAt(totals.Views, AccrualCurves.Engagement(age, hours.Views)));
    }

    /// <summary>The post's profile visits by <paramref name="age"/>: on the follows' curve, as a visit is where a follow starts.</summary>
    public long ProfileClicksAt(PostOutcome outcome, TimeSpan age)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return FollowsAt(outcome.ProfileClicks, age);
    }

    /// <summary>The post's link clicks by <paramref name="age"/>, on the views' curve.</summary>
    public long LinkClicksAt(PostOutcome outcome, TimeSpan age)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return AccrualCurves.CountAt(outcome.LinkClicks, AccrualCurves.Engagement(age, Profile.Engagement.TimeConstantHours.Views));
    }

    /// <summary>Followers the post has brought by <paramref name="age"/> (what X's post analytics call <c>follows</c>).</summary>
    public long FollowsAt(PostOutcome outcome, TimeSpan age)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return FollowsAt(outcome.Follows, age);
    }

    /// <summary>Followers the post has lost by <paramref name="age"/> (X's <c>unfollows</c>).</summary>
    public long UnfollowsAt(PostOutcome outcome, TimeSpan age)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return FollowsAt(outcome.Unfollows, age);
    }

    /// <summary>Followers a post has brought minus those it has lost by <paramref name="age"/> (both on the follows' curve).</summary>
    public long NetFollowsAt(PostOutcome outcome, TimeSpan age)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return FollowsAt(outcome.Follows, age) - FollowsAt(outcome.Unfollows, age);
    }

    /// <summary>
    /// The age at which a follow count with 48-hour <paramref name="total"/> reaches <paramref name="k"/> (1 ≤ k ≤ total), to
    /// the tick: the k-th follower (or unfollower) of a post arrives then, so a roster of individuals agrees with the count.
    /// </summary>
    public TimeSpan FollowAgeReaching(long k, long total, TimeSpan notBefore)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, total);
        var low = notBefore.Ticks;
        var high = AccrualCurves.Horizon.Ticks;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (FollowsAt(total, TimeSpan.FromTicks(middle)) >= k)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return TimeSpan.FromTicks(low);
    }

    private long FollowsAt(long total, TimeSpan age) =>
        AccrualCurves.CountAt(total, AccrualCurves.Follows(age, Profile.Engagement.TimeConstantHours.Follows, _followLag));

    /// <summary>
    /// Profile visits that did not end in a follow, on their own random stream (the other draws stay as they were).
    /// With <c>followsPerProfileVisit</c> p, visits are Poisson(λ) of which each follows with chance p; thinning makes
    /// that the same as the follows drawn above, Poisson(λp), plus independent Poisson(λ(1 − p)) visits that did not follow.
    /// </summary>
    private long OtherProfileVisits(long sequence, double followMean, long views)
    {
        var engagement = Profile.Engagement;
        var mean = engagement.FollowsPerProfileVisit is { } conversion
            ? followMean * (1 - conversion) / conversion
            : views * engagement.ProfileClicksPerView;
        return new DeterministicRandom(Seed, "post/profile-clicks", sequence).NextPoisson(mean);
    }

    private static Dictionary<PostFormat, double> ByFormat(IReadOnlyDictionary<string, double> byName) =>
        byName.ToDictionary(entry => Enum.Parse<PostFormat>(entry.Key, ignoreCase: true), entry => entry.Value);

    /// <summary>The knots' curve at the weighted length, or (without a curve) the drawn weight of the length band.</summary>
    private double LengthEffect(TextFeatures features) =>
        Profile.Appeal.LengthCurve is { } knots ? PiecewiseLinear.At(knots, features.WeightedLength) : Parameters.Length[features.Length];

    /// <summary>The profile's effect of the local hour, or (without an hour curve) the drawn cosine around the peak hour.</summary>
    private double HourEffect(DateTimeOffset local)
    {
        if (Profile.Appeal.HourCurve is { } curve)
        {
            return curve[local.Hour];
        }

        var hour = local.Hour + (local.Minute / 60.0);
        return Parameters.HourAmplitude * Math.Cos(2 * Math.PI * (hour - Parameters.PeakHour) / 24);
    }

    private double SaturationPenalty(PostContext context) =>
        Profile.Appeal.Saturation is { } saturation
            ? saturation.PenaltyPerExtra * Math.Max(0, context.PostsInPreviousDay + 1 - saturation.PostsPerDay)
            : 0;

    private bool IsViral(long sequence) =>
        Profile.Appeal.Viral is { Chance: > 0 } viral && new DeterministicRandom(Seed, "post/viral", sequence).NextDouble() < viral.Chance;

    private double FollowMean(TextFeatures features, long followers, double appeal)
    {
        var engagement = Profile.Engagement;
        return followers * engagement.ViewsPerFollower * engagement.FollowsPerView
            * Math.Exp((engagement.FollowElasticity * appeal) + Parameters.FollowAffinity[features.Format]);
    }

    private double Affinity(string metric, PostFormat format) =>
        _affinity.TryGetValue(metric, out var byFormat) ? byFormat.GetValueOrDefault(format) : 0;
}
