namespace FollowerLoop.Learning;

/// <summary>
/// Models learn followers gained per 10,000 followers: a post reaches (and converts) in proportion to the
/// account's size, so rows from a smaller past account stay comparable with today's.
/// </summary>
public static class ModelLabel
{
    public const double Scale = 10_000;

    /// <summary>The label of a gain; a negative attributed gain (drift noise) counts as none.</summary>
    public static float FromGain(double gain, long followersAtPost) => (float)(Math.Max(0, gain) * Scale / followersAtPost);

    public static double ToGain(double label, long followers) => label * followers / Scale;
}
