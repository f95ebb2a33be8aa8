using FollowerLoop.Storage;
using FollowerLoop.X;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Learning;

/// <summary>
/// Follower gain per post, by several methods side by side: naive (followers 48h after minus before, which
/// counts overlapping posts' followers and the organic drift again for every post), overlap-shared (each interval's
/// change split equally among the live posts: the fair baseline, <see cref="OverlapSharedAttribution"/>) and engagement
/// share (see <see cref="EngagementShareAttribution"/>), posts weighed by profile visits where X gives them, else by
/// views, and sharpened by the new followers who had liked a post where X lists its likers (<see cref="PostLikers"/>).
/// The estimates of the last week's posts are recomputed on every run, as later readings refine the shares of the posts
/// they overlapped; naive needs no series and is written for every post with both readings, however late; X's own
/// follows (method x_reported) where the API gives them. Beside its credit, engagement share stores what each post was due
/// by its reach (<see cref="AttributionEstimate.Due"/>), which Learn trains on. The same weighing of the arrivals credits
/// each new follower of the last days to the posts that may have brought them (<see cref="IArrivalCredits"/>).
/// </summary>
public sealed class AttributionJob(
    AttributionSeries series,
    AttributionStore attribution,
    IReportedFollowsReader reported,
    PostLikers likers,
    IArrivalCredits arrivals,
    IOptions<AccountOptions> account,
    TimeProvider time,
    ILogger<AttributionJob> logger)
{
    /// <summary>The posts credited, and the arrivals whose likes are weighed, are those of the last week.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    /// <summary>
    /// How far back the follower series and its posts reach: four weeks hold four times the posts of the one week
    /// credited, and the delay (above all) and the formats' conversions fitted on them cut engagement share's error by
    /// up to a sixth on the sandbox's audiences (README, Learning); five weeks, with more viral spikes in the fit, did
    /// no better. The drift and overall conversion stay the last week's.
    /// </summary>
    public static readonly TimeSpan FitSpan = TimeSpan.FromDays(28);

    /// <summary>
    /// Where a run at <paramref name="now"/> starts the follower series it fits, and the stretch whose drift and overall
    /// conversion set the level: one window before the oldest post attributed, so that every post live in it weighs in.
    /// </summary>
    public static (DateTimeOffset SeriesStart, DateTimeOffset LevelFrom) Stretches(DateTimeOffset now) =>
        (now - FitSpan - EngagementShareAttribution.Window, now - Lookback - EngagementShareAttribution.Window);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var handle = account.Value.Handle;
        var since = now - Lookback;
        var (seriesStart, levelFrom) = Stretches(now);
        var (posts, readings, byVisits, views) = await series.LoadAsync(handle, seriesStart, now, cancellationToken);

        var estimate = EngagementShareAttribution.Estimate(readings, posts, levelFrom);
        // What Learn is taught, each post's due, is by its views even where visits weigh the credits: a post's visits
        // include those of the followers it drew, so its due by visits carries the luck of its own follows, which no
        // model can foresee (README, "What the learner is taught").
        var dueEstimate = byVisits ? EngagementShareAttribution.Estimate(readings, views, levelFrom) : estimate;
        var evidence = await likers.WeighAsync(handle, posts, estimate, since, cancellationToken);
        var credited = evidence.Credit();
        var shared = OverlapSharedAttribution.Estimate(readings, posts);
        var rows = new List<PostAttribution>();
        foreach (var post in posts.Where(p => p.PostedAt >= since))
        {
            var fullWindow = post.PostedAt + EngagementShareAttribution.Window;
            var windowEnd = fullWindow < now ? fullWindow : now;
            rows.Add(new PostAttribution(post.PostId, AttributionMethod.EngagementShare, credited[post.PostId], post.PostedAt, windowEnd, now, dueEstimate.Due[post.PostId]));
            rows.Add(new PostAttribution(post.PostId, AttributionMethod.OverlapShared, shared[post.PostId], post.PostedAt, windowEnd, now));
        }

        await attribution.UpsertAsync(rows, cancellationToken);
        var naive = await attribution.UpsertNaiveAsync(handle, now, cancellationToken);
        Log.Attributed(logger, rows.Count + naive, byVisits ? "profile visits" : "views", estimate.Intervals, estimate.DriftPerHour, estimate.LagHours, estimate.ReachExponent);
        await arrivals.ReplaceAsync(handle, evidence, now, cancellationToken);

        // The posts whose 48 hours are over: their likers and X's own follows hardly change any more, so each is read once,
        // after the estimates are saved (a read that fails costs them nothing); the next run credits with what was read.
        var finished = posts.Where(p => p.PostedAt >= since && p.PostedAt + EngagementShareAttribution.Window <= now).ToList();
        await likers.RecordAsync(finished, cancellationToken);
        await RecordReportedAsync(finished, since, now, cancellationToken);
    }

    /// <summary>
    /// X's own follows for the posts whose 48 hours are over, once per post (their window is closed, so they no longer
    /// change); a read that fails is tried again on the next run, and none is asked when X does not give them.
    /// </summary>
    private async Task RecordReportedAsync(IReadOnlyList<PostViews> finished, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!reported.Available || finished.Count == 0)
        {
            return;
        }

        var known = await attribution.GetPostIdsAsync(AttributionMethod.Reported, since, cancellationToken);
        foreach (var post in finished.Where(p => !known.Contains(p.PostId)))
        {
            var windowEnd = post.PostedAt + EngagementShareAttribution.Window;
            ReportedFollows? counts;
            try
            {
                counts = await reported.ReadAsync(post.PostId, post.PostedAt, windowEnd, cancellationToken);
            }
            catch (XClientException ex)
            {
                Log.ReportedFollowsFailed(logger, post.PostId, ex.Message);
                continue;
            }

            if (counts is null)
            {
                return;
            }

            await attribution.UpsertAsync([new PostAttribution(post.PostId, AttributionMethod.Reported, counts.Net, post.PostedAt, windowEnd, now)], cancellationToken);
        }
    }
}
