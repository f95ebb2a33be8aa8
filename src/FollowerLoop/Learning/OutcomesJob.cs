using FollowerLoop.Storage;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Learning;

/// <summary>
/// One comprehensive_metrics row per post whose 48 hours are over: its features and every outcome, the
/// training row. Rows of the last two weeks are rebuilt on every run (attribution keeps refining recent
/// posts) and written only when something changed.
/// </summary>
public sealed class OutcomesJob(OutcomeReader reader, TrainingStore training, IOptions<AccountOptions> account, TimeProvider time)
{
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(14);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handle = account.Value.Handle;
        var now = time.GetUtcNow();
        var existing = (await training.GetAllAsync(handle, cancellationToken)).ToDictionary(r => r.PostId);
        var rows = await reader.ReadAsync(handle, account.Value.TimeZone, now - Lookback, now - CheckpointPhase.Hours48.Offset(), now, cancellationToken);
        var changed = rows.Where(row => !existing.TryGetValue(row.PostId, out var stored) || stored with { ComputedAt = row.ComputedAt } != row).ToList();
        await training.UpsertAsync(changed, cancellationToken);
    }
}
