using FollowerLoop.Sandbox.World;
using FollowerLoop.Storage;
using FollowerLoop.Tracking;

namespace FollowerLoop.Bench.Faults;

/// <summary>
/// What a fault cost, read from the database against the sandbox's truth: checkpoints lost (a phase of an expected post
/// with no measured row in both tracking tables, six for a post never made), posts duplicated (copies on X beyond one),
/// values wrong (a stored count outside what the sandbox showed between the phase's due time and its recorded time).
/// </summary>
internal static class FaultAudit
{
    // x.com abbreviates counts of 1,000 and more ("1.2K"); a reading of such a count may be off by its rounding.
    private const double CompactSlack = 0.05;
    // Followers move in steps (the hourly organic drift) and with each post's follows: sampled every virtual minute.
    private const int MaxFollowerSamples = 20_000;
    private static readonly TimeSpan FollowerStep = TimeSpan.FromMinutes(1);

    public static async Task<FaultCounts> CountAsync(FaultRig rig, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var tracking = new TrackingStore(rig.Database);
        int lost = 0, wrong = 0;
        foreach (var item in rig.Expected)
        {
            if (await rig.PostOfAsync(item, cancellationToken) is not { } post)
            {
                lost += CheckpointPhases.All.Count;
                problems.Add($"'{Excerpt(item)}' never posted");
                continue;
            }

            var velocity = await tracking.GetVelocityAsync(post.TweetId, cancellationToken);
            var followers = await tracking.GetFollowersAsync(post.TweetId, cancellationToken);
            var onX = rig.World.FindPost(post.TweetId);
            foreach (var phase in CheckpointPhases.All.Select(p => p.ToColumn()))
            {
                var metrics = velocity.FirstOrDefault(r => r.Phase == phase && r.Status == CheckpointStatus.Measured);
                var count = followers.FirstOrDefault(r => r.Phase == phase && r.Status == CheckpointStatus.Measured);
                if (metrics is null || count is null)
                {
                    lost++;
                    problems.Add($"'{Excerpt(item)}' {phase} not measured");
                    continue;
                }

                var wrongHere = onX is null ? ["the post is not on X"] : WrongValues(rig.World, onX, metrics, count);
                wrong += wrongHere.Count;
                problems.AddRange(wrongHere.Select(w => $"'{Excerpt(item)}' {phase}: {w}"));
            }
        }

        var duplicated = 0;
        foreach (var item in rig.Expected.Concat(rig.Refused))
        {
            var copies = rig.World.GetPosts().Count(p => p.Text == item.Text);
            if (copies > 1)
            {
                duplicated += copies - 1;
                problems.Add($"'{Excerpt(item)}' is on X {copies} times");
            }
        }

        return new FaultCounts(lost, duplicated, wrong, problems);
    }

    private static List<string> WrongValues(SandboxWorld world, SandboxPost onX, VelocityCheckpoint metrics, FollowerCheckpoint followers)
    {
        var wrong = new List<string>();
        var low = world.GetMetrics(onX, metrics.DueAt);
        var high = world.GetMetrics(onX, metrics.CheckedAt);
        Check("likes", metrics.Likes, low.Likes, high.Likes, exact: false);
        Check("reposts", metrics.Retweets, low.Reposts, high.Reposts, exact: false);
        Check("replies", metrics.Replies, low.Replies, high.Replies, exact: false);
        Check("bookmarks", metrics.Bookmarks, low.Bookmarks, high.Bookmarks, exact: false);
        Check("views", metrics.Views, low.Views, high.Views, exact: false);

        // The follower count may fall as well as rise: its range is sampled, from the profile read a checkpoint may reuse
        // (one taken up to Tracking:ProfileReuseWindow before it was due) to the recorded time.
        var from = followers.DueAt - new TrackingOptions().ProfileReuseWindow;
        var steps = (int)Math.Min(MaxFollowerSamples, Math.Ceiling((followers.CheckedAt - from) / FollowerStep));
        var truth = Enumerable.Range(0, steps + 1).Select(i => world.GetFollowers(i == steps ? followers.CheckedAt : from + (FollowerStep * i))).ToList();
        Check("followers", followers.Followers, truth.Min(), truth.Max(), followers.FollowersExact == true);
        return wrong;

        void Check(string name, long? stored, long from, long to, bool exact)
        {
            if (stored is not { } value)
            {
                return;
            }

            var slack = exact || value < 1000 ? 0 : Math.Ceiling(value * CompactSlack);
            if (value < from - slack || value > to + slack)
            {
                wrong.Add($"{name} {value}, truth {from}..{to}");
            }
        }
    }

    private static string Excerpt(ContentItem item) => item.Text.Length <= 40 ? item.Text : item.Text[..40];
}

internal sealed record FaultCounts(int Lost, int Duplicated, int Wrong, IReadOnlyList<string> Problems);
