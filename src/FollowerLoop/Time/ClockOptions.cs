using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.Time;

/// <summary>Section <c>Clock</c>: real time, or an accelerated clock shared with the sandbox.</summary>
public sealed class ClockOptions
{
    public const string SectionName = "Clock";
    public const double MinFactor = 1;
    public const double MaxFactor = 100_000;

    public ClockMode Mode { get; set; } = ClockMode.Real;

    /// <summary>Virtual seconds per real second in accelerated mode (3600: an hour a second).</summary>
    [Range(MinFactor, MaxFactor, ErrorMessage = "Clock:Factor must be between 1 and 100000.")]
    public double Factor { get; set; } = 3600;

    /// <summary>The virtual time at <see cref="RealStart"/>; defaults to the real start.</summary>
    public DateTimeOffset? Epoch { get; set; }

    /// <summary>The real moment the virtual clock starts; defaults to process start.</summary>
    public DateTimeOffset? RealStart { get; set; }
}
