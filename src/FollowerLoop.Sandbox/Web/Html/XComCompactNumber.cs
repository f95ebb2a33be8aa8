using System.Globalization;

namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>
/// x.com's rounded numbers, always truncated (never rounded up), as seen in saved pages:
/// action bar 2455 → "2.4K", 4027 → "4K", 25616 → "25K", 116524 → "116.5K", 2596467 → "2.5M";
/// profile and views line 1017 → "1,017", 393,2xx → "393.2K", 12,345 → "12.3K".
/// x.com's side (writing the labels); the client's <c>FollowerLoop.X.Parsing.CompactNumber</c> reads them back, and the
/// two are kept apart so that a parsing mistake is caught.
/// </summary>
internal static class XComCompactNumber
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

    /// <summary>The same in a Spanish interface: "1.017" below 10.000, then "12,3 mil", "2,5 M".</summary>
    public static string SpanishProfile(long value)
    {
        if (value < 10_000)
        {
            // es-ES groups only from five digits; x.com's Spanish pages write "1.017".
            return GermanExact(value);
        }

        return value >= 1_000_000 ? CommaDecimal(value, 1_000_000, " M") : CommaDecimal(value, 1_000, " mil");
    }

    /// <summary>A German exact number: "1.234", "12.345".</summary>
    public static string GermanExact(long value) =>
        value.ToString("#,0", new NumberFormatInfo { NumberGroupSeparator = ".", NumberGroupSizes = [3] });

    /// <summary>The same in a German interface: exact below a million ("12.345"; German has no short form for thousands), then "1,2 Mio.", "3,4 Mrd.".</summary>
    public static string GermanProfile(long value) =>
        value >= 1_000_000_000 ? CommaDecimal(value, 1_000_000_000, " Mrd.")
        : value >= 1_000_000 ? CommaDecimal(value, 1_000_000, " Mio.")
        : GermanExact(value);

    // Written out rather than taken from es-ES or de-DE: the app may run with invariant globalization.
    private static string CommaDecimal(long value, long unit, string suffix) =>
        Truncate((double)value / unit, 1).Replace(".", ",", StringComparison.Ordinal) + suffix;

    private static string Truncate(double value, int decimals)
    {
        var factor = Math.Pow(10, decimals);

        // The epsilon absorbs binary noise such as 4.1 being stored as 4.0999….
        var truncated = Math.Floor((value * factor) + 1e-9) / factor;
        return truncated.ToString(decimals == 0 ? "0" : "0.#", CultureInfo.InvariantCulture);
    }
}
