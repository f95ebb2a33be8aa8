using FollowerLoop.Content;
using FollowerLoop.Followers;
using FollowerLoop.Learning;
using FollowerLoop.Sandbox;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Sandbox.World;
using FollowerLoop.Storage;
using FollowerLoop.X;

namespace FollowerLoop.Tests.Followers;

/// <summary>
/// Arrivals credited to posts on the sandbox, read the way the Followers job reads them (who is new on the list each
/// hour) and weighed the way Attribution weighs posts (hourly readings, views at the checkpoints): the credited followers
/// per post against the followers each post truly brought, and a profile whose hot takes bring followers who leave.
/// </summary>
public sealed class ArrivalCreditOnSandboxTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly double[] Phases = [2, 6, 12, 24, 48];
    private const string HotTakesLeave = """{ "followers": { "leaveChance": { "hotTake": 0.8 }, "meanDaysBeforeLeaving": 1.5 } }""";
    private const string HotTakesLeaveHalfLikedFirst = """{ "followers": { "leaveChance": { "hotTake": 0.8 }, "meanDaysBeforeLeaving": 1.5 }, "engagement": { "followersWhoLiked": 0.5 } }""";

    [Fact]
    public async Task CreditedFollowersFollowWhatEachPostBrought_AndHotTakesKeepFewerOfThem()
    {
        var run = await RunAsync(HotTakesLeave);
        var credits = run.Credited(new HashSet<string>(), []);

        var (error, equalError) = (run.Error(credits), run.Error(run.EqualSplit()));
        output.WriteLine($"{run.Judged.Count} posts, {run.Arrivals.Count} arrivals; MAE of credited followers {error:0.00} vs an equal split among live posts {equalError:0.00} (mean true {run.TrueGained.Average():0.0}); kept after 7 days: hot takes {run.KeptShare(credits, hotTakes: true):P0}, others {run.KeptShare(credits, hotTakes: false):P0}");

        Assert.True(error < 0.75 * equalError, $"credited MAE {error:0.00} vs equal split {equalError:0.00}");
        // Crediting by arrival time mixes each window's arrivals among the posts live then, so a post's kept share is
        // pulled towards everyone's: the hot takes' 20-odd percent kept shows as about 80 against 92.
        Assert.True(run.KeptShare(credits, hotTakes: true) < run.KeptShare(credits, hotTakes: false) - 0.06, $"hot takes kept {run.KeptShare(credits, hotTakes: true):P0}, others {run.KeptShare(credits, hotTakes: false):P0}");
    }

    [Fact]
    public async Task FollowersWhoHadLikedThePost_AreCreditedMostlyToIt_AndTheRestShareWhatTheLikersLeave()
    {
        var run = await RunAsync(HotTakesLeaveHalfLikedFirst);
        // What the Likers store matches: each arrival's likes of the posts X listed in full that were out before the
        // pass that first listed them and whose 48 hours their arrival's span meets.
        var listed = run.Posts.Where(p => LikingUsers.Listed(p.Post.Id, [.. run.World.GetListedLikingUsers(p.Post.Id).Select(l => l.UserId)]).Complete).Select(p => p.Post).ToList();
        var likedBy = listed.SelectMany(p => run.World.GetListedLikingUsers(p.Id).Select(l => (l.UserId, Post: p))).ToLookup(l => l.UserId, l => l.Post, StringComparer.Ordinal);
        var liked = run.Arrivals
            .Select(a => new LikedArrival(a.UserId, a.ArrivedAfter, a.FirstSeenAt, [.. likedBy[a.UserId].Where(p => p.PostedAt < a.FirstSeenAt && a.ArrivedAfter < p.PostedAt.AddHours(48)).Select(p => p.Id).Order(StringComparer.Ordinal)]))
            .Where(l => l.PostIds.Length > 0)
            .ToList();
        var without = run.Credited(new HashSet<string>(), []);
        var with = run.Credited(listed.Select(p => p.Id).ToHashSet(StringComparer.Ordinal), liked);
        var brought = run.Posts.SelectMany(p => run.World.TrueFollowersBroughtBy(p.Post.Id).Select(h => (h.Follower.UserId, PostId: p.Post.Id))).ToDictionary(b => b.UserId, b => b.PostId, StringComparer.Ordinal);
        var likedTheirs = liked.Where(l => brought.TryGetValue(l.UserId, out var postId) && l.PostIds.Contains(postId)).ToList();
        var shareOfTheirs = likedTheirs.Select(l => with.Where(c => c.UserId == l.UserId && c.PostId == brought[l.UserId]).Sum(c => c.Share)).ToList();
        output.WriteLine($"{liked.Count} of {run.Arrivals.Count} arrivals had liked posts, {likedTheirs.Count} the one that brought them (credited {shareOfTheirs.Average():P0} of them on average, under half for {shareOfTheirs.Count(s => s < 0.5)}); MAE of credited followers {run.Error(with):0.00} with them, {run.Error(without):0.00} without; kept after 7 days with them: hot takes {run.KeptShare(with, hotTakes: true):P0}, others {run.KeptShare(with, hotTakes: false):P0} (without {run.KeptShare(without, hotTakes: true):P0}, {run.KeptShare(without, hotTakes: false):P0})");

        // Not all: where the fitted delay expects nothing yet of the post liked in the hour the arrival came (a dead time
        // before follows start), the like cannot place them there (27 of 296 under half here).
        Assert.True(shareOfTheirs.Average() > 0.8, $"a liker is credited {shareOfTheirs.Average():P0} to the post that brought them on average");
        Assert.True(run.Error(with) < 0.45 * run.Error(without), $"credited MAE {run.Error(with):0.00} with the likers, {run.Error(without):0.00} without");
        var gap = run.KeptShare(with, hotTakes: false) - run.KeptShare(with, hotTakes: true);
        Assert.True(gap > run.KeptShare(without, hotTakes: false) - run.KeptShare(without, hotTakes: true), $"kept-share gap {gap:P0} with the likers");
    }

    /// <summary>20 days of the sandbox: a post every 5 hours, the list read hourly, and the attribution's weights over it.</summary>
    private static async Task<SandboxRun> RunAsync(string profile)
    {
        var clock = new SteppedTimeProvider(Epoch);
        var world = new SandboxWorld(new SandboxOptions { Handle = "fl_credit", AudienceSeed = 5, Clock = SandboxClockMode.Stepped, Epoch = Epoch }, Sandbox.Audience.AudienceProfileLoader.Parse(profile, "test"), clock);
        var texts = await new TemplateGenerator(new Random(5)).GeneratePostsAsync(60, FormatMix.From(new Dictionary<string, double> { ["hot_take"] = 1, ["list"] = 1, ["how_to"] = 1 }), TestContext.Current.CancellationToken);
        var posts = new List<(SandboxPost Post, string? Format)>();
        var arrivals = new List<Arrival>();
        var known = world.GetFollowerList().Select(f => f.UserId).ToHashSet(StringComparer.Ordinal);
        var end = Epoch.AddDays(20);
        for (var hour = 1; Epoch.AddHours(hour) <= end; hour++)
        {
            var now = Epoch.AddHours(hour);
            clock.SetUtcNow(now);
            var newcomers = world.GetFollowerList().Where(f => known.Add(f.UserId)).ToList();
            arrivals.AddRange(newcomers.Select(f => new Arrival(f.UserId, now.AddHours(-1), now)));
            if (hour % 5 == 0 && posts.Count < texts.Count && world.Check(texts[posts.Count].Text) is null)
            {
                posts.Add((world.Publish(texts[posts.Count].Text), texts[posts.Count].Format));
            }
        }

        var readings = Enumerable.Range(0, (int)(end - Epoch).TotalHours + 1).Select(h => new FollowerReading(Epoch.AddHours(h), world.GetFollowers(Epoch.AddHours(h)))).ToList();
        var views = posts.Select(p => new PostViews(p.Post.Id, p.Post.PostedAt, p.Format, [.. Phases.Select(h => (h, world.GetMetrics(p.Post, p.Post.PostedAt.AddHours(h)).Views))])).ToList();
        return new SandboxRun(world, posts, arrivals, views, EngagementShareAttribution.Estimate(readings, views));
    }

    /// <summary>A run's posts and arrivals, and how credits made of them compare with the followers each post truly brought.</summary>
    private sealed class SandboxRun
    {
        private readonly Dictionary<string, DateTimeOffset> _departed;
        private readonly Dictionary<string, DateTimeOffset> _arrivedAt;

        private readonly IReadOnlyList<PostViews> _views;
        private readonly AttributionEstimate _estimate;

        public SandboxRun(SandboxWorld world, List<(SandboxPost Post, string? Format)> posts, List<Arrival> arrivals, IReadOnlyList<PostViews> views, AttributionEstimate estimate)
        {
            (World, Posts, Arrivals, _views, _estimate) = (world, posts, arrivals, views, estimate);
            var truth = posts.ToDictionary(p => p.Post.Id, p => world.TrueFollowersBroughtBy(p.Post.Id));
            _departed = truth.Values.SelectMany(h => h).Where(h => h.LeftAt is not null).ToDictionary(h => h.Follower.UserId, h => h.LeftAt!.Value, StringComparer.Ordinal);
            _arrivedAt = arrivals.ToDictionary(a => a.UserId, a => a.FirstSeenAt, StringComparer.Ordinal);
            Judged = [.. posts.Where(p => p.Post.PostedAt >= Epoch.AddDays(1))];
            TrueGained = [.. Judged.Select(p => (double)truth[p.Post.Id].Count)];
        }

        public SandboxWorld World { get; }

        public List<(SandboxPost Post, string? Format)> Posts { get; }

        public List<Arrival> Arrivals { get; }

        public List<(SandboxPost Post, string? Format)> Judged { get; }

        public List<double> TrueGained { get; }

        /// <summary>The arrivals credited as the Followers job credits them, by the likes of <paramref name="liked"/> where <paramref name="listed"/> lists posts.</summary>
        public List<ArrivalShare> Credited(IReadOnlySet<string> listed, IReadOnlyList<LikedArrival> liked)
        {
            var windows = Arrivals.GroupBy(a => (a.ArrivedAfter, a.FirstSeenAt)).Select(w => new ArrivalWindow(w.Key.ArrivedAfter, w.Key.FirstSeenAt, w.Count())).ToList();
            return [.. ArrivalCredit.Credits(LikeEvidence.Weigh(_estimate.Followers, _views, listed, _estimate.Weights, windows, liked).Arrivals()).Of(Arrivals)];
        }

        public double Error(IReadOnlyList<ArrivalShare> credits) => Error(Gained(credits, _ => true));

        public double Error(IReadOnlyList<double> gained) => gained.Zip(TrueGained, (a, b) => Math.Abs(a - b)).Average();

        /// <summary>Of the followers credited to the hot takes (or to the other posts), the share still following a week on.</summary>
        public double KeptShare(IReadOnlyList<ArrivalShare> credits, bool hotTakes)
        {
            var posts = Judged.Select((p, i) => (p, i)).Where(x => (x.p.Format == "hot_take") == hotTakes).Select(x => x.i).ToList();
            var (gained, retained) = (Gained(credits, _ => true), Gained(credits, Stayed));
            return posts.Sum(i => retained[i]) / posts.Sum(i => gained[i]);
        }

        /// <summary>The baseline: each arrival split equally among the posts under 48 hours old when it arrived (organic ones included).</summary>
        public List<double> EqualSplit() =>
        [
            .. Judged.Select(post => Arrivals.Sum(a =>
            {
                var live = Posts.Count(p => p.Post.PostedAt < a.FirstSeenAt && a.FirstSeenAt <= p.Post.PostedAt.AddHours(48));
                return post.Post.PostedAt < a.FirstSeenAt && a.FirstSeenAt <= post.Post.PostedAt.AddHours(48) ? 1.0 / live : 0;
            })),
        ];

        private bool Stayed(string userId) => !_departed.TryGetValue(userId, out var left) || left > _arrivedAt[userId].AddDays(7);

        private List<double> Gained(IReadOnlyList<ArrivalShare> credits, Func<string, bool> counted)
        {
            var byPost = credits.Where(c => counted(c.UserId)).GroupBy(c => c.PostId).ToDictionary(g => g.Key, g => g.Sum(c => c.Share), StringComparer.Ordinal);
            return [.. Judged.Select(p => byPost.GetValueOrDefault(p.Post.Id))];
        }
    }
}
