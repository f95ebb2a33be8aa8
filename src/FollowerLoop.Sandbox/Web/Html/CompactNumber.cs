using System.Globalization;

namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>
/// x.com's rounded numbers, always truncated (never rounded up), as seen in saved pages:
/// action bar 2455 → "2.4K", 4027 → "4K", 25616 → "25K", 116524 → "116.5K", 2596467 → "2.5M";
/// profile and views line 1017 → "1,017", 393,2xx → "393.2K", 12,345 → "12.3K".
/// </summary>
internal static class CompactNumber
{
    private static readonly (long Unit, string Suffix)[] Units = [(1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K")];

    /// <summary>Counts under the action bar's buttons: one decimal below 10 and from 100 of a unit, none from 10 to 99.</summary>
    public static string ActionBar(long value)
    {
        if (value < 1_000)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var (unit, suffix) = Units.First(u => value >= u.Unit);
        var scaled = (double)value / unit;
        var decimals = scaled is >= 10 and < 100 ? 0 : 1;
        return Truncate(scaled, decimals) + suffix;
    }

    /// <summary>Profile counts and the focal post's views: exact with separators below 10,000, then one decimal.</summary>
    public static string Profile(long value)
    {
        if (value < 10_000)
        {
            return value.ToString("N0", CultureInfo.InvariantCulture);
        }

        var (unit, suffix) = Units.First(u => value >= u.Unit);
        return Truncate((double)value / unit, 1) + suffix;
    }

    private static string Truncate(double value, int decimals)
    {
        var factor = Math.Pow(10, decimals);

        // The epsilon absorbs binary noise such as 4.1 being stored as 4.0999….
        var truncated = Math.Floor((value * factor) + 1e-9) / factor;
        return truncated.ToString(decimals == 0 ? "0" : "0.#", CultureInfo.InvariantCulture);
    }
}
