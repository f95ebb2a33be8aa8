namespace FollowerLoop.Sandbox.Audience;

/// <summary>
/// The share of a post's 48-hour total reached at a given age. Closed forms, so any moment can be computed
/// exactly and cheaply; both are non-decreasing and reach exactly 1 at 48 hours.
/// </summary>
public static class AccrualCurves
{
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(48);

    /// <summary>Engagement: front-loaded, 1 − e^(−t/T), normalised to 1 at 48 hours.</summary>
    public static double Engagement(TimeSpan age, double timeConstantHours) =>
        Normalised(age, TimeSpan.Zero, hours => 1 - Math.Exp(-hours / timeConstantHours));

    /// <summary>
    /// Follows: lag behind engagement, Erlang-2 CDF 1 − (1 + t/T)e^(−t/T) of t = age − <paramref name="delay"/>
    /// (nothing before the delay), normalised to 1 at 48 hours so a post's follows are all in by then.
    /// </summary>
    public static double Follows(TimeSpan age, double timeConstantHours, TimeSpan delay) =>
        Normalised(age, delay, hours => 1 - ((1 + (hours / timeConstantHours)) * Math.Exp(-hours / timeConstantHours)));

    /// <summary>floor(total × share): integer, and non-decreasing in age because the share is.</summary>
    public static long CountAt(long total, double share) => share >= 1 ? total : (long)Math.Floor(total * share);

    /// <summary>
    /// The age at which an engagement count with 48-hour <paramref name="total"/> reaches <paramref name="k"/> (the curve's
    /// inverse), so the k-th reply or quote can be dated consistently with the count.
    /// </summary>
    public static TimeSpan EngagementAgeReaching(long k, long total, double timeConstantHours)
    {
        var normaliser = 1 - Math.Exp(-Horizon.TotalHours / timeConstantHours);
        var share = Math.Min(1.0, k / (double)total) * normaliser;
        var hours = share >= 1 ? Horizon.TotalHours : -timeConstantHours * Math.Log(1 - share);
        return TimeSpan.FromHours(Math.Min(hours, Horizon.TotalHours));
    }

    private static double Normalised(TimeSpan age, TimeSpan delay, Func<double, double> cdf)
    {
        if (age <= delay)
        {
            return 0;
        }

        return age >= Horizon ? 1 : Math.Clamp(cdf((age - delay).TotalHours) / cdf((Horizon - delay).TotalHours), 0, 1);
    }
}
