using FollowerLoop.Learning;
using FollowerLoop.Storage;
using Npgsql;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// Engagement share replayed on a learning run's own data, by the job's rules and by others (<c>--compare</c>): each
/// post's credit as of the moment the Attribution job last computed it (its row's <c>computed_at</c>), from what had been
/// measured by then. The loop was taught the job's rules, so both estimates share its posts and series: a change to the
/// fit is judged on one run instead of on runs that each took their own path (docs/learning-yardstick.md, "Judging a
/// lever in the loop"). The replay leaves out the likers' weighing, so on the likers path its kept-rules error is
/// engagement share's before the likes, not the stored one.
/// </summary>
internal static class AttributionComparison
{
    /// <param name="lastRuns">Each post's last computation by the job and its true 48-hour gain.</param>
    /// <returns>The job's rules' error and each set's, or null when no post was credited by all.</returns>
    public static async Task<ComparedAttribution?> ReplayAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<(string PostId, DateTimeOffset ComputedAt, double Truth)> lastRuns, IReadOnlyList<ComparedRules> sets, CancellationToken cancellationToken)
    {
        if (lastRuns.Count == 0)
        {
            return null;
        }

        var from = AttributionJob.Stretches(lastRuns.Min(r => r.ComputedAt)).SeriesStart;
        var series = new AttributionSeries(new AttributionReader(dataSource), new AccountSnapshotStore(dataSource));
        var history = await series.LoadHistoryAsync(LearningSettings.Handle, from, lastRuns.Max(r => r.ComputedAt), cancellationToken);
        var errors = new List<double[]>();
        foreach (var run in lastRuns.GroupBy(r => r.ComputedAt))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // As the job loads and fits them (AttributionJob.RunAsync).
            var now = run.Key;
            var (seriesStart, levelFrom) = AttributionJob.Stretches(now);
            var inputs = history.AsOf(seriesStart, now);
            var estimates = sets.Select(set => set.Rules).Prepend(EngagementShareRules.Default)
                .Select(rules => EngagementShareAttribution.Estimate(inputs.Readings, inputs.Posts, levelFrom, rules))
                .ToList();
            foreach (var post in run)
            {
                var credits = estimates.Select(e => e.Followers.GetValueOrDefault(post.PostId)).ToList();
                if (credits.All(c => c is not null))
                {
                    errors.Add([.. credits.Select(c => Math.Abs(c!.Value - post.Truth))]);
                }
            }
        }

        return errors.Count == 0
            ? null
            : new ComparedAttribution(errors.Average(e => e[0]), [.. sets.Select((_, i) => errors.Average(e => e[i + 1]))], errors.Count);
    }
}

/// <summary>
/// Engagement share's error replayed by the job's rules and by each compared set (in the order given), over the same posts
/// (see <see cref="AttributionComparison"/>).
/// </summary>
internal sealed record ComparedAttribution(double Kept, IReadOnlyList<double> Compared, int Posts);
