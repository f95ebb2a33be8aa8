using FollowerLoop.Storage;
namespace FollowerLoop.Bench.Tracking;

/// <summary>
/// The original plan's tracker, simulated on the same posts: a run every 30 minutes that reads the
/// posts one after another and measures a phase only if the post's age is within 15 minutes of it
/// (a 0.5h window). A run that does not happen (the process is down) is simply lost.
/// </summary>
internal static class PollingDesign
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan HalfWindow = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<TrackedCheckpoint> Simulate(
        IReadOnlyList<(string PostId, DateTimeOffset PostedAt)> posts,
        TimeSpan readCost,
        (DateTimeOffset From, DateTimeOffset To)? outage)
    {
        var measured = new Dictionary<(string, CheckpointPhase), DateTimeOffset>();
        var first = posts.Min(p => p.PostedAt);
        var last = posts.Max(p => p.PostedAt) + CheckpointPhase.Hours48.Offset() + Interval;
        for (var run = first; run <= last; run += Interval)
        {
            if (outage is { } down && run >= down.From && run < down.To)
            {
                continue;
            }

            var clock = run;
            foreach (var (postId, postedAt) in posts)
            {
                foreach (var phase in CheckpointPhases.Scheduled)
                {
                    var due = postedAt + phase.Offset();
                    if (!measured.ContainsKey((postId, phase)) && (clock - due).Duration() <= HalfWindow)
                    {
                        clock += readCost;
                        measured[(postId, phase)] = clock;
                    }
                }
            }
        }

        return posts.SelectMany(p => CheckpointPhases.Scheduled.Select(phase => new TrackedCheckpoint(
                p.PostId, phase.ToColumn(), p.PostedAt + phase.Offset(), measured.TryGetValue((p.PostId, phase), out var at) ? at : null)))
            .ToList();
    }
}
