using System.Globalization;
using FollowerLoop.Cache;
using FollowerLoop.Storage;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Learning;

/// <summary>
/// Learns from finished posts which formats, topics and hours gain followers and publishes the findings
/// (Postgres, then Redis) for Plan, Strategy and the dashboard. This version computes group effects with
/// intervals; the learning issue adds the ML.NET gain and early-velocity models.
/// </summary>
public sealed class LearnJob(TrainingStore training, PatternCache patterns, IOptions<AccountOptions> account, TimeProvider time)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        var rows = (await training.GetAllAsync(handle, cancellationToken)).Where(r => Gain(r) is not null).ToList();
        var now = time.GetUtcNow();
        var found = new List<LearnedPattern>();
        foreach (var (category, group, others) in Dimensions)
        {
            found.AddRange(GroupEffect.Compute(rows, group, r => Gain(r)!.Value).Select(e => new LearnedPattern
            {
                Account = handle,
                Category = category,
                Finding = string.Create(CultureInfo.InvariantCulture,
                    $"{e.Group}: {e.Effect:+0.0;-0.0} followers per post vs {others} (95% CI {e.CiLow:0.0} to {e.CiHigh:0.0}, n = {e.N})"),
                EffectSize = e.Effect,
                CiLow = e.CiLow,
                CiHigh = e.CiHigh,
                SampleSize = e.N,
                CreatedAt = now,
            }));
        }

        if (found.Count > 0)
        {
            await patterns.PublishAsync(handle, found, cancellationToken);
        }
    }

    /// <summary>The target: attributed followers, else the naive gain.</summary>
    public static double? Gain(TrainingRow row) => row.AttributedFollowers ?? row.FollowersGainedNaive;

    private static readonly (string Category, Func<TrainingRow, string?> Group, string Others)[] Dimensions =
    [
        ("format", r => r.Format, "other formats"),
        ("topic", r => r.Topic, "other topics"),
        ("hook", r => r.Hook, "other hooks"),
        ("hour", r => r.HourOfDay.ToString("00", CultureInfo.InvariantCulture) + "h UTC", "other hours"),
    ];
}
