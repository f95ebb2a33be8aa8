using System.Globalization;

namespace FollowerLoop.Worker.Dashboard.Shared;

/// <summary>How the pages write times, durations and numbers. Unknown values are shown as a dash, never as 0.</summary>
public static class Display
{
    public const string Unknown = "—";

    public static string Time(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? Unknown;

    public static string TimeWithSeconds(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? Unknown;

    public static string Number(long? value) => value?.ToString("#,0", CultureInfo.InvariantCulture) ?? Unknown;

    public static string Number(double? value, string format = "#,0.#") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : Unknown;

    public static string Signed(double? value, string format = "+#,0.#;-#,0.#;0") => Number(value, format);

    /// <summary>A share as a whole percentage: 0.754 → "75%"; null (nothing known to divide by) → a dash.</summary>
    public static string Percent(double? share) => Number(share, "0%");

    public static string Signed(long? value) => value?.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture) ?? Unknown;

    /// <summary>A short duration: "45s", "12m 05s", "3h 20m", "2d 4h"; negative durations get a minus sign.</summary>
    public static string Duration(TimeSpan? span)
    {
        if (span is not { } value)
        {
            return Unknown;
        }

        var sign = value < TimeSpan.Zero ? "-" : "";
        var d = value.Duration();
        var text = d switch
        {
            { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0}s"),
            { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{d.Minutes}m {d.Seconds:00}s"),
            { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{d.Hours}h {d.Minutes:00}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalDays}d {d.Hours}h"),
        };
        return sign + text;
    }

    /// <summary>The first <paramref name="length"/> characters of a post, on one line.</summary>
    public static string Excerpt(string text, int length = 90) => FollowerLoop.Content.PostExcerpt.Of(text, length);
}
