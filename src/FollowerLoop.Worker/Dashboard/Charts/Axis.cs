using System.Globalization;

namespace FollowerLoop.Worker.Dashboard.Charts;

/// <summary>An axis's data range and its ticks: round steps (1, 2, 5 × 10ⁿ) for numbers, calendar steps for time.</summary>
public sealed record Axis(double Min, double Max, IReadOnlyList<Tick> Ticks)
{
    private static readonly TimeSpan[] TimeSteps =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14),
        TimeSpan.FromDays(30), TimeSpan.FromDays(91), TimeSpan.FromDays(182), TimeSpan.FromDays(365),
    ];

    /// <summary>A numeric axis from round numbers at or around <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static Axis Linear(double min, double max, Func<double, string>? label = null, int target = 5)
    {
        label ??= v => v.ToString("#,0.##", CultureInfo.InvariantCulture);
        if (max - min < 1e-9)
        {
            var pad = Math.Max(Math.Abs(min) * 0.05, 1);
            (min, max) = (min - pad, max + pad);
        }

        var step = NiceStep((max - min) / target);
        var low = Math.Floor(min / step) * step;
        var high = Math.Ceiling(max / step) * step;
        var ticks = new List<Tick>();
        for (var v = low; v <= high + (step / 2); v += step)
        {
            var rounded = Math.Round(v / step) * step;
            ticks.Add(new Tick(rounded, label(rounded)));
        }

        return new Axis(low, high, ticks);
    }

    /// <summary>A time axis (values are Unix seconds) spanning exactly the data, ticks on whole steps of UTC time.</summary>
    public static Axis Time(DateTimeOffset min, DateTimeOffset max, int target = 7)
    {
        if (max - min < TimeSpan.FromMinutes(1))
        {
            (min, max) = (min - TimeSpan.FromMinutes(30), max + TimeSpan.FromMinutes(30));
        }

        var span = max - min;
        var step = TimeSteps.FirstOrDefault(s => span / s <= target, TimeSteps[^1]);
        var format = step >= TimeSpan.FromDays(30) ? "yyyy-MM" : step >= TimeSpan.FromDays(1) ? "MM-dd" : span > TimeSpan.FromDays(1) ? "MM-dd HH:mm" : "HH:mm";
        var first = Math.Ceiling(min.ToUnixTimeSeconds() / step.TotalSeconds) * step.TotalSeconds;
        var ticks = new List<Tick>();
        for (var t = first; t <= max.ToUnixTimeSeconds(); t += step.TotalSeconds)
        {
            ticks.Add(new Tick(t, DateTimeOffset.FromUnixTimeSeconds((long)t).UtcDateTime.ToString(format, CultureInfo.InvariantCulture)));
        }

        return new Axis(min.ToUnixTimeSeconds(), max.ToUnixTimeSeconds(), ticks);
    }

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        return magnitude * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10);
    }
}
