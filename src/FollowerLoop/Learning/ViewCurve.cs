namespace FollowerLoop.Learning;

/// <summary>
/// A post's cumulative views by age: linear between its checkpoints (starting from none at posting), carried
/// past the latest checkpoint along the typical <see cref="AccrualShape"/>, flat after 48 hours.
/// </summary>
internal sealed class ViewCurve(PostViews post, AccrualShape shape)
{
    private readonly IReadOnlyList<(double Hours, long Views)> _points = post.Checkpoints;

    public double At(double hours)
    {
        hours = Math.Min(hours, AccrualShape.HorizonHours);
        if (hours <= 0 || _points.Count == 0)
        {
            return 0;
        }

        var (lastHours, lastViews) = _points[^1];
        if (hours <= lastHours)
        {
            return Interpolate(_points, hours);
        }

        var reached = shape.Share(lastHours);
        return reached > 0 ? lastViews * Math.Max(1, shape.Share(hours) / reached) : lastViews;
    }

    /// <summary>Views at <paramref name="hours"/> by linear interpolation from (0, 0) through the checkpoints.</summary>
    public static double Interpolate(IReadOnlyList<(double Hours, long Views)> points, double hours)
    {
        var (h0, v0) = (0.0, 0.0);
        for (var i = 0; i < points.Count; i++)
        {
            var (h1, v1) = points[i];
            if (hours <= h1)
            {
                return h1 <= h0 ? v1 : v0 + ((v1 - v0) * (hours - h0) / (h1 - h0));
            }

            (h0, v0) = (h1, v1);
        }

        return v0;
    }
}
