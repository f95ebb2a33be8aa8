using FollowerLoop.Time;

namespace FollowerLoop.Sandbox.Clock;

/// <summary>Builds the clock an instance runs on from its options.</summary>
public static class SandboxClock
{
    /// <param name="options">Validated settings.</param>
    /// <param name="real">The machine's clock (tests may pass a fake one).</param>
    public static TimeProvider Create(SandboxOptions options, TimeProvider real)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(real);
        return options.Clock switch
        {
            SandboxClockMode.Real => real,
            SandboxClockMode.Accelerated => new AcceleratedTimeProvider(options.Epoch, options.RealStart ?? real.GetUtcNow(), options.Factor, real),
            SandboxClockMode.Stepped => new SteppedTimeProvider(options.Epoch),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Clock, "Unknown clock mode."),
        };
    }
}
