namespace FollowerLoop.Sandbox.Audience;

/// <summary>A curve through knots [x, y] with increasing x: linear between knots, flat beyond the first and the last.</summary>
internal static class PiecewiseLinear
{
    public static double At(IReadOnlyList<double[]> knots, double x)
    {
        if (x <= knots[0][0])
        {
            return knots[0][1];
        }

        for (var i = 1; i < knots.Count; i++)
        {
            if (x <= knots[i][0])
            {
                var (x0, y0, x1, y1) = (knots[i - 1][0], knots[i - 1][1], knots[i][0], knots[i][1]);
                return y0 + ((y1 - y0) * (x - x0) / (x1 - x0));
            }
        }

        return knots[^1][1];
    }
}
