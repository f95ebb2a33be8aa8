using System.Globalization;

namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>x.com's en-US time texts, in UTC: "4h" / "4 hours ago" in timelines, "7:34 PM · Oct 23, 2025" on the focal post.</summary>
internal static class TimeDisplay
{
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Full(DateTimeOffset at) => at.UtcDateTime.ToString("h:mm tt · MMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>The short text and the accessible label of a timeline timestamp.</summary>
    public static (string Text, string Label) Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var age = now - at;
        if (age < TimeSpan.FromMinutes(1))
        {
            var seconds = Math.Max(0, (int)age.TotalSeconds);
            return ($"{seconds}s", $"{CountLabels.Count(seconds, "second", "seconds")} ago");
        }

        if (age < TimeSpan.FromHours(1))
        {
            var minutes = (int)age.TotalMinutes;
            return ($"{minutes}m", $"{CountLabels.Count(minutes, "minute", "minutes")} ago");
        }

        if (age < TimeSpan.FromDays(1))
        {
            var hours = (int)age.TotalHours;
            return ($"{hours}h", $"{CountLabels.Count(hours, "hour", "hours")} ago");
        }

        var utc = at.UtcDateTime;
        var date = utc.Year == now.UtcDateTime.Year
            ? utc.ToString("MMM d", CultureInfo.InvariantCulture)
            : utc.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);
        return (date, date);
    }
}
