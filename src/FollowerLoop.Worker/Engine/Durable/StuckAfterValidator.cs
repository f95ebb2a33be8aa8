using FollowerLoop.Tracking;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Worker.Engine.Durable;

/// <summary>
/// <c>Tracking:StuckAfter</c> must outlast the engine's own redelivery after a crash (a dead worker's messages stay
/// invisible for their visibility timeout, its partition claim until its lease lapses): shorter, the reconciler would
/// replace orchestrations that were about to wake by themselves.
/// </summary>
internal sealed class StuckAfterValidator(IOptions<DurableEngineOptions> engine) : IValidateOptions<TrackingOptions>
{
    public ValidateOptionsResult Validate(string? name, TrackingOptions options)
    {
        var redelivery = Redelivery(engine.Value);
        return options.StuckAfter > redelivery
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Tracking:StuckAfter ({options.StuckAfter}) must be longer than the engine's redelivery after a crash ({redelivery}: " +
                "the longer of DurableTask:ControlQueueVisibilityTimeout and DurableTask:WorkItemQueueVisibilityTimeout, plus DurableTask:LeaseInterval).");
    }

    private static TimeSpan Redelivery(DurableEngineOptions engine) =>
        TimeSpan.FromTicks(Math.Max(engine.ControlQueueVisibilityTimeout.Ticks, engine.WorkItemQueueVisibilityTimeout.Ticks)) + engine.LeaseInterval;
}
