using System.Diagnostics;
using Cronos;
using FollowerLoop.Content;
using FollowerLoop.Scheduling;
using FollowerLoop.Learning;
using FollowerLoop.Planning;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Sandbox.World;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// The yardsticks, run the way Plan runs: a round at every Plan time fills the free slots of the horizon,
/// with that round's candidates and the same guards (hours in UTC: they need no account). Random picks any candidate at hours spread over the day.
/// The oracle posts at the audience's best hours and, at each slot, the candidate the sandbox expects to gain
/// the most followers (it alone sees the hidden audience).
/// </summary>
/// <param name="keptFor">For the oracle: rank by the followers expected still to follow this long after they came.</param>
/// <param name="randomFirst">
/// For the oracle: its first posts are random's (the same picks at the same hours) and it takes over after them: what a
/// learner perfect from that post on would gain, where the posts before it taught it nothing.
/// </param>
internal sealed class BaselineRun(LearningSettings settings, CandidateBank bank, bool oracle, TimeSpan? keptFor = null, int randomFirst = 0)
{
    public async Task<PolicyOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        var plan = LearningSettings.Plan;
        var clock = new SteppedTimeProvider(LearningSettings.Epoch);
        var world = SandboxWorld.Create(settings.Sandbox, clock);
        // Worked out only if the oracle takes over before the last post (a late oracle may never).
        var (bestHours, evenHours) = (OraclePicks(settings.Posts - 1) ? BestTrueHours() : [], PlanSlots.Evenly(plan.PostsPerDay));
        var guard = new ContentGuard(Options.Create(new ContentOptions()));
        var random = new Random(settings.AudienceSeed);
        var cron = CronExpression.Parse(new JobSchedules().Plan, CronFormat.Standard);
        var pending = new List<(DateTimeOffset At, List<Candidate> Pool)>();
        var posted = new List<SandboxPost>();
        var round = LearningSettings.Epoch;
        while (posted.Count < settings.Posts)
        {
            foreach (var (at, pool) in pending.Where(p => p.At <= round).OrderBy(p => p.At).ToList())
            {
                pending.RemoveAll(p => p.At == at);
                clock.SetUtcNow(at);
                if (Pick(world, guard, random, pool, posted) is { } post)
                {
                    posted.Add(post);
                }
            }

            clock.SetUtcNow(round);
            var taken = posted.Select(p => p.PostedAt).Concat(pending.Select(p => p.At)).ToList();
            // Slots are queued up to a horizon ahead: the first after random's last pick may still be at random's hour.
            var hours = OraclePicks(posted.Count) ? bestHours : evenHours;
            var free = PlanSlots.Free(round, plan.Horizon, hours, taken, plan.Spacing, TimeZoneInfo.Utc).Take(plan.Keep).ToList();
            if (free.Count > 0)
            {
                var pool = (await bank.ForAsync(round)).ToList();
                pending.AddRange(free.Select(at => (at, pool)));
            }

            round = new DateTimeOffset(cron.GetNextOccurrence(round.UtcDateTime, inclusive: false)!.Value, TimeSpan.Zero);
        }

        var mine = posted.Take(settings.Posts).ToList();
        if (settings.Followers)
        {
            clock.SetUtcNow(PolicyOutcome.KeptKnownAt(mine));
        }

        var name = !oracle ? "random" : keptFor is not null ? "oracle (kept)" : randomFirst > 0 ? "late oracle" : "oracle";
        return PolicyOutcome.Of(name, world, mine, wall.Elapsed, settings.Followers);
    }

    /// <summary>Whether the oracle picks the post after <paramref name="posted"/> posts (random does before <c>randomFirst</c>).</summary>
    private bool OraclePicks(int posted) => oracle && posted >= randomFirst;

    /// <summary>The slot's post: among the pool's candidates the guards accept, a random one or the oracle's best; removed from the pool.</summary>
    private SandboxPost? Pick(SandboxWorld world, ContentGuard guard, Random random, List<Candidate> pool, IReadOnlyList<SandboxPost> posted)
    {
        var recent = new RecentTexts(posted.TakeLast(new ContentOptions().RecentPostsCompared).Select(p => p.Text));
        var allowed = pool.Where(c => guard.Check(c.Text, recent) is null && posted.All(p => p.Text != c.Text.Trim())).ToList();
        if (allowed.Count == 0)
        {
            return null;
        }

        var choice = OraclePicks(posted.Count) ? allowed[world.ChooseBest([.. allowed.Select(c => c.Text)], keptFor: keptFor).BestIndex ?? 0] : allowed[random.Next(allowed.Count)];
        pool.Remove(choice);
        return world.Publish(choice.Text);
    }

    /// <summary>The hours with the highest expected gain for a typical post, averaged over a week, spaced as Plan's are.</summary>
    private IReadOnlyList<int> BestTrueHours()
    {
        var scratch = SandboxWorld.Create(settings.Sandbox, new SteppedTimeProvider(LearningSettings.Epoch));
        const string Typical = "5 productivity lessons I wish I knew earlier:\n\n1. Deep work\n2. Habits\n3. Your calendar";
        var byHour = Enumerable.Range(0, 24)
            .Select(h => Enumerable.Range(0, 7).Average(d => scratch.ChooseBest([Typical], LearningSettings.Epoch.AddDays(d).AddHours(h), keptFor).Candidates[0].ExpectedFollowerGain))
            .ToList();
        return BestHours.Choose(byHour, LearningSettings.Plan.PostsPerDay, LearningSettings.Plan.HourGap);
    }
}
