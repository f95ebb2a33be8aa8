namespace FollowerLoop.Learning;

/// <summary>
/// Small weighted least squares with an optional ridge pull towards prior values:
/// minimises Σ wᵢ(yᵢ − xᵢ·θ)² + Σⱼ λⱼ(θⱼ − θ⁰ⱼ)², by solving the normal equations (a handful of unknowns).
/// </summary>
public static class WeightedLeastSquares
{
    /// <returns>The coefficients and the weighted residual sum of squares; null when the system is singular.</returns>
    public static (double[] Coefficients, double Rss)? Solve(
        IReadOnlyList<double[]> x, IReadOnlyList<double> y, IReadOnlyList<double> weights, double[]? ridge = null, double[]? prior = null)
    {
        var p = x[0].Length;
        var a = new double[p, p];
        var b = new double[p];
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = 0; j < p; j++)
            {
                b[j] += weights[i] * x[i][j] * y[i];
                for (var k = 0; k < p; k++)
                {
                    a[j, k] += weights[i] * x[i][j] * x[i][k];
                }
            }
        }

        for (var j = 0; ridge is not null && j < p; j++)
        {
            a[j, j] += ridge[j];
            b[j] += ridge[j] * (prior?[j] ?? 0);
        }

        if (SolveNormalEquations(a, b) is not { } theta)
        {
            return null;
        }

        var rss = 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            var fitted = 0.0;
            for (var j = 0; j < p; j++)
            {
                fitted += x[i][j] * theta[j];
            }

            var residual = y[i] - fitted;
            rss += weights[i] * residual * residual;
        }

        return (theta, rss);
    }

    /// <summary>Solves a·θ = b by Gaussian elimination with partial pivoting (overwriting both); null when singular.</summary>
    public static double[]? SolveNormalEquations(double[,] a, double[] b)
    {
        var n = b.Length;
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
            if (Math.Abs(a[pivot, col]) < 1e-12)
            {
                return null;
            }

            for (var k = 0; k < n; k++)
            {
                (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            }

            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (var r = col + 1; r < n; r++)
            {
                var factor = a[r, col] / a[col, col];
                for (var k = col; k < n; k++)
                {
                    a[r, k] -= factor * a[col, k];
                }

                b[r] -= factor * b[col];
            }
        }

        var result = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = b[r];
            for (var k = r + 1; k < n; k++)
            {
                sum -= a[r, k] * result[k];
            }

            result[r] = sum / a[r, r];
        }

        return result;
    }
}
