using System.Globalization;

namespace FollowerLoop.Worker.Dashboard.Charts;

/// <summary>Maps data units to SVG user units inside the margins that hold the axis labels.</summary>
public sealed class PlotArea(int width, int height, Axis x, Axis y, int left = PlotArea.DefaultLeft)
{
    public const int DefaultLeft = 64;
    public const int Right = 16;
    public const int Top = 14;
    public const int Bottom = 30;

    /// <summary>Where the plot starts: the room left for the y labels.</summary>
    public int Left => left;

    public int Width => width;

    public int Height => height;

    public Axis XAxis => x;

    public Axis YAxis => y;

    public double PlotRight => width - Right;

    public double PlotBottom => height - Bottom;

    public double X(double value) => Left + ((value - x.Min) / Span(x) * (width - Left - Right));

    public double Y(double value) => PlotBottom - ((value - y.Min) / Span(y) * (height - Top - Bottom));

    /// <summary>An SVG coordinate, invariant and short.</summary>
    public static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The path through the points in X order.</summary>
    public string Path(IEnumerable<ChartPoint> points) =>
        string.Join(' ', points.OrderBy(p => p.X).Select((p, i) => $"{(i == 0 ? 'M' : 'L')}{Coordinate(X(p.X))},{Coordinate(Y(p.Y))}"));

    private static double Span(Axis axis) => axis.Max - axis.Min is > 0 and var s ? s : 1;
}
