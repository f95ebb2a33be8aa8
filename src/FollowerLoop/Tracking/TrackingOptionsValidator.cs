using FollowerLoop.Time;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Tracking;

/// <summary>
/// The reconciler's grace must outlast a checkpoint's whole retry chain: a phase still retrying is not missing,
/// and taking it for missing asked the engine for a second chain (the Durable engine refuses one while the first
/// is live, but a grace shorter than the chain only hides what it is for).
/// </summary>
internal sealed class TrackingOptionsValidator(TimeProvider time) : IValidateOptions<TrackingOptions>
{
    public ValidateOptionsResult Validate(string? name, TrackingOptions options)
    {
        var chain = RetryChain(options);
        var grace = time.ToVirtual(options.OverdueGrace);
        return grace > chain
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Tracking:OverdueGrace ({options.OverdueGrace}, {grace} on the virtual clock) must be longer than a checkpoint's retry chain " +
                $"({chain}: Tracking:RetryBaseDelay {options.RetryBaseDelay} doubled over Tracking:MaxAttempts {options.MaxAttempts}); raise it or shorten the chain.");
    }

    /// <summary>The delays between a checkpoint's attempts, added up: base × (2^(attempts − 1) − 1).</summary>
    public static TimeSpan RetryChain(TrackingOptions options) =>
        Enumerable.Range(1, options.MaxAttempts - 1).Aggregate(TimeSpan.Zero, (sum, attempt) => sum + CheckpointRetry.Delay(options.RetryBaseDelay, attempt, null));
}
