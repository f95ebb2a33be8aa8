using FollowerLoop.Content;

namespace FollowerLoop.Learning;

/// <summary>
/// The gain model's row: content (format, topic, hook and their format × topic interaction, length band,
/// numbers, questions, emoji, hashtags, links) and timing (hour of day as a daily cycle, weekday, repeats of
/// the format in the last day, crowding after the previous post). Known before posting.
/// </summary>
public static class GainFeatures
{

    /// <summary>Weighted length bands (x.com counts a URL as 23, an emoji as 2).</summary>
    public const int ShortMax = 80;
    public const int MediumMax = 180;

    private const int CountCap = 3;

    // An interaction slot holds 0.5 instead of 1: the same effect then needs twice the weight, so the L2
    // penalty pulls interactions four times harder than main effects until the data clearly shows them.
    private const float InteractionValue = 0.5f;
    private const double CrowdingHours = 2;

    internal static readonly string[] Weekdays = [.. Enum.GetNames<DayOfWeek>().Select(d => d.ToLowerInvariant())];

    private static readonly FeatureLayout Layout = new FeatureLayout()
        .OneHot("format", ContentLabels.Formats)
        .OneHot("topic", ContentLabels.Topics)
        .OneHot("hook", ContentLabels.Hooks)
        .Cross("format", ContentLabels.Formats, "topic", ContentLabels.Topics)
        .OneHot("length", ["short", "medium", "long"], withOther: false)
        .Values("has_number", "has_question", "emoji", "hashtags", "has_link", "hour_sin", "hour_cos")
        .OneHot("weekday", Weekdays, withOther: false)
        .Values("same_format_24h", "crowding");

    public static IReadOnlyList<string> Names => Layout.Names;

    /// <summary>Stored with every model: a model trained on another layout is never loaded against this one.</summary>
    public static string Schema { get; } = Layout.Schema("gain");

    public static int Count => Layout.Count;

    public static float[] Build(PostDescription post, PostTiming timing)
    {
        var v = Layout.NewVector();
        var content = post.Content;
        Layout.SetOneHot(v, "format", post.Format);
        Layout.SetOneHot(v, "topic", post.Topic);
        Layout.SetOneHot(v, "hook", post.Hook);
        Layout.SetCross(v, "format", post.Format, "topic", post.Topic, InteractionValue);
        Layout.SetOneHot(v, "length", LengthBand(content.WeightedLength));
        Layout.Set(v, "has_number", content.HasNumber ? 1 : 0);
        Layout.Set(v, "has_question", content.HasQuestion ? 1 : 0);
        Layout.Set(v, "emoji", Math.Min(content.EmojiCount, CountCap) / (double)CountCap);
        Layout.Set(v, "hashtags", Math.Min(content.Hashtags, CountCap) / (double)CountCap);
        Layout.Set(v, "has_link", content.Links > 0 ? 1 : 0);
        var (sin, cos) = DailyCycle(timing.At);
        Layout.Set(v, "hour_sin", sin);
        Layout.Set(v, "hour_cos", cos);
        Layout.SetOneHot(v, "weekday", Weekdays[(int)timing.At.UtcDateTime.DayOfWeek]);
        Layout.Set(v, "same_format_24h", timing.SameFormatRecent);
        // Posting right after another post competes with it; the effect fades over a couple of hours.
        Layout.Set(v, "crowding", timing.HoursSincePrevious is { } h ? Math.Max(0, 1 - (h / CrowdingHours)) : 0);
        return v;
    }

    public static string LengthBand(int weightedLength) =>
        weightedLength <= ShortMax ? "short" : weightedLength <= MediumMax ? "medium" : "long";

    /// <summary>The time of day as a point on a circle, so 23:00 and 01:00 are neighbours and any peak hour is one linear combination.</summary>
    public static (double Sin, double Cos) DailyCycle(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var angle = 2 * Math.PI * (utc.Hour + (utc.Minute / 60.0)) / 24;
        return (Math.Sin(angle), Math.Cos(angle));
    }
}
