using FollowerLoop.Content;
using FollowerLoop.Learning;
using FollowerLoop.Sandbox;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Harness;

/// <summary>
/// The Attribution job's estimates replayed on a sandbox audience without a database: a template post every 3 hours
/// (evenly over the day, the hardest case: the posts' summed weight is nearly constant, so drift and posts are hard to
/// tell apart), hourly follower snapshots and the checkpoint readings, and each post's credit as the job last computes
/// it (a week after it went out) by engagement share weighed by views and by profile visits, beside overlap-shared. The
/// job runs hourly; replayed every 6 hours, no post's last run moves by more than that, and a replay takes seconds.
/// </summary>
public static class AttributionReplay
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly double[] Phases = [2, 6, 12, 24, 48];

    /// <summary>
    /// Replays <paramref name="days"/> of posting on the audience of <paramref name="audienceFile"/> (null: the built-in
    /// one) drawn with <paramref name="seed"/>, which also picks the posts. Returns every post of the third day on that
    /// each method credited, with its truth.
    /// </summary>
    public static async Task<IReadOnlyList<ReplayedPost>> RunAsync(string? audienceFile, int seed, int days, CancellationToken cancellationToken)
    {
        var clock = new SteppedTimeProvider(Epoch);
        var world = SandboxWorld.Create(
            new SandboxOptions { Handle = "fl_attr", AudienceSeed = seed, AudienceFile = audienceFile, Clock = SandboxClockMode.Stepped, Epoch = Epoch },
            clock);
        var texts = await new TemplateGenerator(new Random(seed)).GeneratePostsAsync(days * 8, FormatMix.Even, cancellationToken);
        var posts = new List<(SandboxPost Post, string? Format)>();
        foreach (var (candidate, i) in texts.Select((c, i) => (c, i)))
        {
            clock.SetUtcNow(Epoch.AddHours(1 + (3 * i)));
            if (world.Check(candidate.Text) is null)
            {
                posts.Add((world.Publish(candidate.Text), candidate.Format));
            }
        }

        var credits = new Dictionary<string, (double? Share, double? ByVisits, double? Shared)>();
        var end = posts[^1].Post.PostedAt + AttributionJob.Lookback;
        for (var now = Epoch.AddDays(1); now <= end; now = now.AddHours(6))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var seriesStart = now - AttributionJob.FitSpan - EngagementShareAttribution.Window;
            var levelFrom = now - AttributionJob.Lookback - EngagementShareAttribution.Window;
            var live = posts.Where(p => p.Post.PostedAt >= seriesStart - EngagementShareAttribution.Window && p.Post.PostedAt < now).ToList();
            var readings = Enumerable.Range(0, (int)(now - seriesStart).TotalHours + 1)
                .Select(h => seriesStart.AddHours(h))
                .Where(t => t >= Epoch)
                .Concat(live.SelectMany(p => Phases.Prepend(0).Select(h => p.Post.PostedAt.AddHours(h)).Where(t => t <= now && t >= seriesStart)))
                .Select(t => new FollowerReading(t, world.GetFollowers(t)))
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
/// A replayed post: its true 48-hour net gain, what its reach made it due (the sandbox's <c>ExpectedNetGivenReach</c>,
/// only the draws of its follows unknown: the floor), its 48-hour views, and each method's last credit.
/// </summary>
public sealed record ReplayedPost(SandboxPost Post, string? Format, double Truth, double Due, long Views48h, double Share, double ByVisits, double Shared);
