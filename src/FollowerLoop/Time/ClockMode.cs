namespace FollowerLoop.Time;

public enum ClockMode
{
    /// <summary>Wall-clock time: production.</summary>
    Real,

    /// <summary>Virtual time running <see cref="ClockOptions.Factor"/> times faster: the sandbox demo.</summary>
    Accelerated,
}
