namespace FollowerLoop.Posting;

/// <summary>
/// Whether this process last saw the kill switch off, so that the Posting job says it when the switch goes off and
/// when it comes back, not on every run.
/// </summary>
public sealed class KillSwitchNotice
{
    private int _off;

    /// <summary>True the first time the switch is seen off since it was last on.</summary>
    public bool WentOff() => Interlocked.Exchange(ref _off, 1) == 0;

    /// <summary>True the first time the switch is seen on after it was off.</summary>
    public bool CameBack() => Interlocked.Exchange(ref _off, 0) == 1;
}
