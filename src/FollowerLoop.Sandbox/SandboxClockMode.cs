namespace FollowerLoop.Sandbox;

/// <summary>How the sandbox's clock runs.</summary>
public enum SandboxClockMode
{
    /// <summary>The machine's clock.</summary>
    Real,

    /// <summary><see cref="SandboxOptions.Factor"/> times faster than real time, from <see cref="SandboxOptions.Epoch"/>.</summary>
    Accelerated,

    /// <summary>Stands still until a caller advances it (admin API or <see cref="Clock.SteppedTimeProvider"/>).</summary>
    Stepped,
}
