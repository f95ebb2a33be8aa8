using FollowerLoop.Content;
using FollowerLoop.Learning;
using FollowerLoop.Sandbox;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Harness;

/// <summary>
/// The Attribution job's estimates replayed on a sandbox audience without a database: 8 template posts a day (every 3
/// hours, or at random waking hours: <see cref="ReplaySchedule"/>), hourly follower snapshots and the checkpoint
/// readings, and each post's credit as the job last computes it (a week after it went out) by engagement share weighed
/// by views and by profile visits, beside overlap-shared. The job runs hourly; replayed every 6 hours, no post's last
/// run moves by more than that, and a replay takes seconds.
/// </summary>
public static class AttributionReplay
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly double[] Phases = [2, 6, 12, 24, 48];
    private static readonly int[] WakingHours = [.. Enumerable.Range(7, 16)];
    private const int PostsPerDay = 8;

    /// <summary>
    /// Replays <paramref name="days"/> of posting on the audience of <paramref name="audienceFile"/> (null: the built-in
    /// one) drawn with <paramref name="seed"/>, which also picks the posts and their hours. Returns every post of the
    /// third day on that each method credited, with its truth.
    /// </summary>
    public static async Task<IReadOnlyList<ReplayedPost>> RunAsync(
        string? audienceFile, int seed, int days, ReplaySchedule schedule, CancellationToken cancellationToken)
    {
        var clock = new SteppedTimeProvider(Epoch);
        var world = SandboxWorld.Create(
            new SandboxOptions { Handle = "fl_attr", AudienceSeed = seed, AudienceFile = audienceFile, Clock = SandboxClockMode.Stepped, Epoch = Epoch },
            clock);
        var texts = await new TemplateGenerator(new Random(seed)).GeneratePostsAsync(days * PostsPerDay, FormatMix.Even, cancellationToken);
        var times = PostingTimes(schedule, days, TimeSpan.FromHours(world.Audience.Profile.Account.UtcOffsetHours), new Random(seed));
        var posts = new List<(SandboxPost Post, string? Format)>();
        foreach (var (candidate, at) in texts.Zip(times))
        {
            clock.SetUtcNow(at);
            if (world.Check(candidate.Text) is null)
            {
                posts.Add((world.Publish(candidate.Text), candidate.Format));
            }
        }

        // Every post is out before the first run, so a moment's follower count never changes: each is counted once.
        var followersAt = new Dictionary<DateTimeOffset, long>();
        var credits = new Dictionary<string, (double? Share, double? ByVisits, double? Shared)>();
        var end = posts[^1].Post.PostedAt + AttributionJob.Lookback;
        for (var now = Epoch.AddDays(1); now <= end; now = now.AddHours(6))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (seriesStart, levelFrom) = AttributionJob.Stretches(now);
            var live = posts.Where(p => p.Post.PostedAt >= seriesStart - EngagementShareAttribution.Window && p.Post.PostedAt < now).ToList();
            var readings = Enumerable.Range(0, (int)(now - seriesStart).TotalHours + 1)
                .Select(h => seriesStart.AddHours(h))
                .Where(t => t >= Epoch)
                .Concat(live.SelectMany(p => Phases.Prepend(0).Select(h => p.Post.PostedAt.AddHours(h)).Where(t => t <= now && t >= seriesStart)))
                .Select(t => new FollowerReading(t, followersAt.TryGetValue(t, out var known) ? known : followersAt[t] = world.GetFollowers(t)))
                .ToList();
            var views = Readings(live, now, (post, age) => world.GetMetrics(post, post.PostedAt + age).Views);
            var visits = Readings(live, now, (post, age) => world.Audience.ProfileClicksAt(post.Outcome, age));
            var byViews = EngagementShareAttribution.Estimate(readings, views, levelFrom);
            var byVisits = EngagementShareAttribution.Estimate(readings, visits, levelFrom);
            var shared = OverlapSharedAttribution.Estimate(readings, views);
            foreach (var (post, _) in live.Where(p => p.Post.PostedAt >= now - AttributionJob.Lookback))
            {
                credits[post.Id] = (byViews.Followers[post.Id], byVisits.Followers[post.Id], shared[post.Id]);
            }
        }

        return
        [
            .. posts
                .Where(p => p.Post.PostedAt >= Epoch.AddDays(2))
                .Select(p => (p.Post, p.Format, Credit: credits.GetValueOrDefault(p.Post.Id)))
                .Where(p => p.Credit is ({ }, { }, { }))
                .Select(p => new ReplayedPost(
                    p.Post,
                    p.Format,
                    world.TrueFollowerGain(p.Post.Id).At48h,
                    world.Audience.ExpectedNetGivenReach(p.Post.Features, p.Post.Context, p.Post.Outcome),
                    world.GetMetrics(p.Post, p.Post.PostedAt.AddHours(48)).Views,
                    p.Credit.Share!.Value,
                    p.Credit.ByVisits!.Value,
                    p.Credit.Shared!.Value)),
        ];
    }

    /// <summary>
    /// When each post goes out: every 3 hours from 01:00 UTC, or each day's 8 at distinct local hours from 7 to 22, from
    /// the day after the epoch (so that no time zone puts a post before it).
    /// </summary>
    private static IEnumerable<DateTimeOffset> PostingTimes(ReplaySchedule schedule, int days, TimeSpan utcOffset, Random random)
    {
        if (schedule == ReplaySchedule.Evenly)
        {
            return Enumerable.Range(0, days * PostsPerDay).Select(i => Epoch.AddHours(1 + (3 * i)));
        }

        return Enumerable.Range(0, days).SelectMany(day =>
        {
            var hours = WakingHours.ToArray();
            random.Shuffle(hours);
            return hours.Take(PostsPerDay).Order().Select(hour => Epoch.AddDays(day + 1).AddHours(hour) - utcOffset);
        }).ToList();
    }

    private static List<PostViews> Readings(IEnumerable<(SandboxPost Post, string? Format)> live, DateTimeOffset now, Func<SandboxPost, TimeSpan, long> count) =>
    [
        .. live.Select(p => new PostViews(
            p.Post.Id,
            p.Post.PostedAt,
            p.Format,
            [.. Phases.Where(h => p.Post.PostedAt.AddHours(h) <= now).Select(h => (h, count(p.Post, TimeSpan.FromHours(h))))])),
    ];
}

/// <summary>
/// When the replay's posts go out. <see cref="Evenly"/>, every 3 hours, is the hardest case for telling the organic drift
/// from the posts (their summed weight is nearly constant); the loop posts at the hours Strategy picks, which leave gaps,
/// more like <see cref="WakingHours"/>: 8 a day at random local hours from 7 to 22, none at night.
/// </summary>
public enum ReplaySchedule
{
    Evenly,
    WakingHours,
}

/// <summary>
/// A replayed post: its true 48-hour net gain, what its reach made it due (the sandbox's <c>ExpectedNetGivenReach</c>,
/// only the draws of its follows unknown: the floor), its 48-hour views, and each method's last credit.
/// </summary>
public sealed record ReplayedPost(SandboxPost Post, string? Format, double Truth, double Due, long Views48h, double Share, double ByVisits, double Shared);
