using FollowerLoop.Content;
using FollowerLoop.Learning;
using FollowerLoop.Sandbox;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Sandbox.World;
using FollowerLoop.Storage;
using FollowerLoop.X;

namespace FollowerLoop.Tests.Learning;

/// <summary>
/// Engagement share's estimates sharpened by the new followers' likes, on the sandbox: a post every 3 hours, the list
/// read hourly, each post's likers read once its 48 hours are over (as the Attribution job reads them), the credits
/// against each post's true 48-hour gain. Where a follower likes only the post that brought them the likes must cut
/// the error; where they like the next post too, they must not add to it.
/// </summary>
public sealed class LikeEvidenceOnSandboxTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly double[] Phases = [2, 6, 12, 24, 48];
    private const int Days = 24;

    [Fact]
    public async Task FollowersWhoLikedThePostThatBroughtThem_CutTheError()
    {
        var run = await RunAsync("""{ "engagement": { "followersWhoLiked": 0.3 } }""");

        var (with, without) = (run.Error(run.Sharpened()), run.Error(run.Estimates));
        output.WriteLine($"MAE with the likes {with:0.00}, without {without:0.00}");

        Assert.True(with < 0.9 * without, $"MAE with the likes {with:0.00}, without {without:0.00}");
    }

    [Fact]
    public async Task FollowersWhoLikeTheNextPostToo_AddNoError()
    {
        // Follows 5 hours late, so most of a post's come after the next one is out, and 15% of those like it too.
        var run = await RunAsync("""{ "engagement": { "followersWhoLiked": 0.25, "followersWhoLikedNext": 0.15, "followLagHours": 5 } }""");

        var (with, without) = (run.Error(run.Sharpened()), run.Error(run.Estimates));
        output.WriteLine($"MAE with the likes {with:0.00}, without {without:0.00}");

        Assert.True(with <= without, $"MAE with the likes {with:0.00}, without {without:0.00}");
    }

    private static async Task<SandboxRun> RunAsync(string profile)
    {
        var clock = new SteppedTimeProvider(Epoch);
        var world = new SandboxWorld(new SandboxOptions { Handle = "fl_likes", AudienceSeed = 7, Clock = SandboxClockMode.Stepped, Epoch = Epoch }, Sandbox.Audience.AudienceProfileLoader.Parse(profile, "test"), clock);
        var texts = await new TemplateGenerator(new Random(7)).GeneratePostsAsync(Days * 8, FormatMix.Even, TestContext.Current.CancellationToken);
        var posts = new List<(SandboxPost Post, string? Format)>();
        var arrivals = new List<(string UserId, DateTimeOffset FirstSeenAt)>();
        var known = world.GetFollowerList().Select(f => f.UserId).ToHashSet(StringComparer.Ordinal);
        var end = Epoch.AddDays(Days);
        for (var hour = 1; Epoch.AddHours(hour) <= end; hour++)
        {
            var now = Epoch.AddHours(hour);
            clock.SetUtcNow(now);
            arrivals.AddRange(world.GetFollowerList().Where(f => known.Add(f.UserId)).Select(f => (f.UserId, now)));
            if (hour % 3 == 0 && posts.Count < texts.Count && world.Check(texts[posts.Count].Text) is null)
            {
                posts.Add((world.Publish(texts[posts.Count].Text), texts[posts.Count].Format));
            }
        }

        var readings = Enumerable.Range(0, (int)(end - Epoch).TotalHours + 1).Select(h => new FollowerReading(Epoch.AddHours(h), world.GetFollowers(Epoch.AddHours(h)))).ToList();
        var views = posts.Select(p => new PostViews(p.Post.Id, p.Post.PostedAt, p.Format, [.. Phases.Select(h => (h, world.GetMetrics(p.Post, p.Post.PostedAt.AddHours(h)).Views))])).ToList();
        return new SandboxRun(world, posts, views, arrivals, EngagementShareAttribution.Estimate(readings, views));
    }

    /// <summary>A run's posts, arrivals and estimates, and how credits made of them compare with each post's true gain.</summary>
    private sealed class SandboxRun
    {
        private readonly IReadOnlyList<PostViews> _views;
        private readonly AttributionEstimate _estimate;
        private readonly List<(SandboxPost Post, string? Format)> _judged;
        private readonly List<ArrivalWindow> _windows;
        private readonly List<LikedArrival> _liked;
        private readonly HashSet<string> _listed;
        private readonly List<double> _truth;

        public SandboxRun(SandboxWorld world, List<(SandboxPost Post, string? Format)> posts, IReadOnlyList<PostViews> views, List<(string UserId, DateTimeOffset FirstSeenAt)> arrivals, AttributionEstimate estimate)
        {
            (_views, _estimate) = (views, estimate);
            var end = arrivals[^1].FirstSeenAt;
            // Judged: a day in, and every post's 48 hours over, so that its likers were read.
            _judged = [.. posts.Where(p => p.Post.PostedAt >= Epoch.AddDays(1) && p.Post.PostedAt + EngagementShareAttribution.Window <= end)];
            _truth = [.. _judged.Select(p => (double)world.TrueFollowerGain(p.Post.Id).At48h)];
            _windows = [.. arrivals.GroupBy(a => a.FirstSeenAt).Select(w => new ArrivalWindow(w.Key.AddHours(-1), w.Key, w.Count()))];
            var arrivedAt = arrivals.ToDictionary(a => a.UserId, a => a.FirstSeenAt, StringComparer.Ordinal);
            var read = posts.Where(p => p.Post.PostedAt + EngagementShareAttribution.Window <= end)
                .Select(p => (p.Post, Likers: world.GetListedLikingUsers(p.Post.Id).Select(l => l.UserId).ToList()))
                .ToList();
            _listed = [.. read.Where(r => LikingUsers.Listed(r.Post.Id, r.Likers).Complete).Select(r => r.Post.Id)];
            _liked = [.. read
                .SelectMany(r => r.Likers.Where(arrivedAt.ContainsKey).Select(userId => (UserId: userId, r.Post)))
                .Where(l => l.Post.PostedAt < arrivedAt[l.UserId] && arrivedAt[l.UserId].AddHours(-1) < l.Post.PostedAt + EngagementShareAttribution.Window)
                .GroupBy(l => l.UserId, StringComparer.Ordinal)
                .Select(l => new LikedArrival(l.Key, arrivedAt[l.Key].AddHours(-1), arrivedAt[l.Key], [.. l.Select(p => p.Post.Id).Order(StringComparer.Ordinal)]))];
        }

        public IReadOnlyDictionary<string, double?> Estimates => _estimate.Followers;

        public IReadOnlyDictionary<string, double?> Sharpened() =>
            LikeEvidence.Weigh(_estimate.Followers, _views, _listed, _estimate.Weights, _windows, _liked).Credit();

        public double Error(IReadOnlyDictionary<string, double?> credited) =>
            _judged.Zip(_truth, (p, truth) => Math.Abs(credited[p.Post.Id]!.Value - truth)).Average();
    }
}
