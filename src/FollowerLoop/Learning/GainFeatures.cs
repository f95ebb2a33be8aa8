using System.Globalization;
using FollowerLoop.Content;

namespace FollowerLoop.Learning;

/// <summary>
/// The gain model's row, known before posting. Content: format, topic, hook and format × topic, the weighted
/// length as a curve, numbers, questions, and emoji, hashtag and link counts as steps. Timing, in the
/// account's time zone: the hour as a daily cycle (and a coarser one per topic: a topic's best time of day can
/// differ), the weekday, the spacing after the previous post as a curve, and own posts of the same format, the
/// same topic and of any kind in several windows. No shape is assumed: bands, caps, peak hours and fade times
/// are what the weights learn.
/// </summary>
public static class GainFeatures
{
    /// <summary>Weighted length (x.com counts a URL as 23, an emoji as 2) up to a standard post's 280, a knot every 40.</summary>
    private static readonly double[] LengthKnots = [0, 40, 80, 120, 160, 200, 240, 280];

    /// <summary>Hours since the previous post, finer where posts are close (a post alone counts as the last knot).</summary>
    private static readonly double[] SpacingKnots = [1, 2, 4, 8, 24];

    private static readonly int[] CountSteps = [1, 2, 3, 4, 5, 6];

    /// <summary>A knot every 3 hours: fine enough for a morning and an evening peak, coarse enough to learn from a few posts a day.</summary>
    private const int HourKnots = 8;

    /// <summary>Topic × hour is coarser than the hour alone: each topic's cycle learns from a sixth of the posts.</summary>
    private const int TopicHourKnots = 6;

    // An interaction slot holds 0.5 instead of 1: the same effect then needs twice the weight, so the L2
    // penalty pulls interactions four times harder than main effects until the data clearly shows them.
    private const float InteractionValue = 0.5f;

    internal static readonly string[] Weekdays = [.. Enum.GetNames<DayOfWeek>().Select(d => d.ToLowerInvariant())];

    private static readonly string[] WindowNames = [.. PostingHistory.Windows.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.TotalHours:0}h"))];

    private static readonly FeatureLayout Layout = BuildLayout();

    public static IReadOnlyList<string> Names => Layout.Names;

    /// <summary>Stored with every model: a model trained on another layout is never loaded against this one.</summary>
    public static string Schema { get; } = Layout.Schema("gain");

    public static int Count => Layout.Count;

    /// <param name="zone">The account's time zone (<see cref="AccountOptions.TimeZone"/>): hours and weekdays are the audience's.</param>
    public static float[] Build(PostDescription post, PostTiming timing, TimeZoneInfo zone)
    {
        var v = Layout.NewVector();
        var content = post.Content;
        Layout.SetOneHot(v, "format", post.Format);
        Layout.SetOneHot(v, "topic", post.Topic);
        Layout.SetOneHot(v, "hook", post.Hook);
        Layout.SetCross(v, "format", post.Format, "topic", post.Topic, InteractionValue);
        Layout.SetCurve(v, "length", content.WeightedLength);
        Layout.Set(v, "has_number", content.HasNumber ? 1 : 0);
        Layout.Set(v, "has_question", content.HasQuestion ? 1 : 0);
        Layout.SetSteps(v, "emoji", content.EmojiCount);
        Layout.SetSteps(v, "hashtags", content.Hashtags);
        Layout.SetSteps(v, "links", content.Links);
        var local = TimeZoneInfo.ConvertTime(timing.At, zone);
        var hour = local.Hour + (local.Minute / 60.0);
        Layout.SetCycle(v, "hour", hour);
        Layout.SetCycleCross(v, "topic", post.Topic, "topic_hour", hour, InteractionValue);
        Layout.SetOneHot(v, "weekday", Weekdays[(int)local.DayOfWeek]);
        Layout.SetCurve(v, "hours_since_previous", timing.HoursSincePrevious ?? SpacingKnots[^1]);
        for (var w = 0; w < WindowNames.Length; w++)
        {
            var recent = timing.Recent[w];
            Layout.Set(v, $"same_format_{WindowNames[w]}", recent.SameFormat);
            Layout.Set(v, $"same_topic_{WindowNames[w]}", recent.SameTopic);
            Layout.Set(v, $"posts_{WindowNames[w]}", recent.All);
        }

        return v;
    }

    private static FeatureLayout BuildLayout()
    {
        var layout = new FeatureLayout()
            .OneHot("format", ContentLabels.Formats)
            .OneHot("topic", ContentLabels.Topics)
            .OneHot("hook", ContentLabels.Hooks)
            .Cross("format", ContentLabels.Formats, "topic", ContentLabels.Topics)
            .Curve("length", LengthKnots)
            .Values("has_number", "has_question")
            .Steps("emoji", CountSteps)
            .Steps("hashtags", CountSteps)
            .Steps("links", [1, 2])
            .Cycle("hour", 24, HourKnots)
            .CycleCross("topic", ContentLabels.Topics, "topic_hour", 24, TopicHourKnots)
            .OneHot("weekday", Weekdays, withOther: false)
            .Curve("hours_since_previous", SpacingKnots);
        foreach (var window in WindowNames)
        {
            layout.Values($"same_format_{window}", $"same_topic_{window}", $"posts_{window}");
        }

        return layout;
    }
}
