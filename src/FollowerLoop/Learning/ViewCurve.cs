namespace FollowerLoop.Learning;

/// <summary>
/// A post's cumulative views by age: linear between its checkpoints (starting from none at posting), carried
/// past the latest checkpoint along the typical <see cref="AccrualShape"/>, flat after 48 hours.
/// </summary>
internal sealed class ViewCurve
{
    // Arrays, not the post's list: every Attribution run reads each post's curve at each 5-minute step of its 48 hours,
    // and the list's interface calls there took a sixth of engagement share's time (perf on `scripts/bench attribution`).
    private readonly double[] _hours;
    private readonly double[] _views;
    private readonly AccrualShape _shape;

    public ViewCurve(PostViews post, AccrualShape shape)
    {
        (_hours, _views) = Points(post);
        _shape = shape;
    }

    /// <summary>A post's checkpoints as the hours and the views <see cref="Interpolate"/> reads.</summary>
    public static (double[] Hours, double[] Views) Points(PostViews post) =>
        ([.. post.Checkpoints.Select(c => c.Hours)], [.. post.Checkpoints.Select(c => (double)c.Views)]);

    public double At(double hours)
    {
        hours = Math.Min(hours, AccrualShape.HorizonHours);
        if (hours <= 0 || _hours.Length == 0)
        {
            return 0;
        }

        var (lastHours, lastViews) = (_hours[^1], _views[^1]);
        if (hours <= lastHours)
        {
            return Interpolate(_hours, _views, hours);
        }

        var reached = _shape.Share(lastHours);
        return reached > 0 ? lastViews * Math.Max(1, _shape.Share(hours) / reached) : lastViews;
    }

    /// <summary>Views at <paramref name="hours"/> by linear interpolation from (0, 0) through the checkpoints.</summary>
    public static double Interpolate(ReadOnlySpan<double> checkpointHours, ReadOnlySpan<double> views, double hours)
    {
        var (h0, v0) = (0.0, 0.0);
        for (var i = 0; i < checkpointHours.Length; i++)
        {
            var (h1, v1) = (checkpointHours[i], views[i]);
            if (hours <= h1)
            {
                return h1 <= h0 ? v1 : v0 + ((v1 - v0) * (hours - h0) / (h1 - h0));
            }

            (h0, v0) = (h1, v1);
        }

        return v0;
    }
}
