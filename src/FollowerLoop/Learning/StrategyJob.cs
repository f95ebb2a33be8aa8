using System.Text.Json;
using FollowerLoop.Cache;
using FollowerLoop.Storage;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Learning;

/// <summary>Recomputes the content mix (share per format) and the best posting hours from the learned patterns.</summary>
public sealed class StrategyJob(PatternCache patterns, StrategyStore strategies, IOptions<AccountOptions> account, TimeProvider time)
{
    private static readonly int[] DefaultHours = [9, 13, 18];

    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        var current = await patterns.GetCurrentAsync(handle, cancellationToken);
        var formats = current.Where(p => p.Category == "format").ToList();
        // Softmax over effect sizes: better formats get more of the mix, none drops to zero (exploration).
        var weights = formats.ToDictionary(p => p.Finding.Split(':')[0], p => Math.Exp(Math.Clamp(p.EffectSize, -5, 5) / 2));
        var total = weights.Values.Sum();
        var mix = weights.ToDictionary(w => w.Key, w => Math.Round(w.Value / total, 3));
        var hours = current.Where(p => p.Category == "hour" && p.EffectSize > 0)
            .OrderByDescending(p => p.EffectSize)
            .Take(3)
            .Select(p => int.Parse(p.Finding[..2], System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();

        await strategies.SaveAsync(
            new PostingStrategy
            {
                Account = handle,
                ContentMix = JsonSerializer.Serialize(mix),
                BestHours = JsonSerializer.Serialize(hours.Length > 0 ? hours : DefaultHours),
                Notes = formats.Count == 0 ? "no learned patterns yet: even mix, default hours" : $"from {current.Count} learned patterns",
                CreatedAt = time.GetUtcNow(),
            },
            cancellationToken);
    }
}
