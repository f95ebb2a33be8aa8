namespace FollowerLoop.Learning;

/// <summary>
/// The typical share of a post's 48-hour views reached at each age, averaged over the posts whose 48 hours
/// were measured: how a young post's views are carried past its latest checkpoint.
/// </summary>
internal sealed class AccrualShape
{
    public const double HorizonHours = 48;
    private static readonly double[] Knots = [0, 1, 2, 4, 6, 9, 12, 18, 24, 36, 48];

    // Until one post is complete, assume a front-loaded curve (most views in the first hours).
    private const double PriorTimeConstantHours = 4;

    private readonly double[] _share;

    private AccrualShape(double[] share)
    {
        _share = share;
    }

    public static AccrualShape From(IEnumerable<PostViews> posts)
    {
        var complete = posts
            .Where(p => p.Checkpoints.Count > 0 && p.Checkpoints[^1].Hours >= HorizonHours - 0.5 && p.Checkpoints[^1].Views > 0)
            .ToList();
        if (complete.Count == 0)
        {
            return new AccrualShape([.. Knots.Select(h => (1 - Math.Exp(-h / PriorTimeConstantHours)) / (1 - Math.Exp(-HorizonHours / PriorTimeConstantHours)))]);
        }

        var checkpoints = complete.Select(ViewCurve.Points).ToList();
        return new AccrualShape([.. Knots.Select(h => checkpoints.Average(c => ViewCurve.Interpolate(c.Hours, c.Views, h) / c.Views[^1]))]);
    }

    /// <summary>The share of 48-hour views reached at <paramref name="hours"/> (0 before posting, 1 from 48 hours).</summary>
    public double Share(double hours)
    {
        if (hours <= 0)
        {
            return 0;
        }

        if (hours >= HorizonHours)
        {
            return 1;
        }

        var i = Knots.Length - 1;
        while (Knots[i] > hours)
        {
            i--;
        }

        var t = (hours - Knots[i]) / (Knots[i + 1] - Knots[i]);
        return _share[i] + (t * (_share[i + 1] - _share[i]));
    }
}
